import { describe, expect, it } from 'vitest';
import { headingLevel } from '../../../src/shared/export';

// One rule for the files and the preview: the report title is h1, a shown note title h2, and a
// note's own headings follow without skipping a level.
describe('heading levels', () => {
  it('a one-note report (the note title is the report title): the note’s H1 is h2', () => {
    const report = { title: 'Briefing', sections: [{ title: 'Briefing' }] };
    expect(headingLevel(report, report.sections[0]!, 1)).toBe(2);
    expect(headingLevel(report, report.sections[0]!, 2)).toBe(3);
  });

  it('a two-note report: note titles are h2 and their H1 is h3', () => {
    const report = { title: 'Report', sections: [{ title: 'One' }, { title: 'Two' }] };
    expect(headingLevel(report, report.sections[1]!, 1)).toBe(3);
  });
});
