import { useCallback } from 'react';
import { FIRST_RUN_STEPS, type FirstRunStep } from '../../../../shared/settings';
import { routeHref } from '../../app/route';
import { useSettings } from '../../app/settings';
import { MOD } from '../../app/shortcuts';

const STEPS: Record<FirstRunStep, { title: string; text: string }> = {
  read: {
    title: 'Read',
    text: 'Open a source. Names of people, organisations, places, laws and events are highlighted; press one to see everything about it.',
  },
  cite: {
    title: 'Cite',
    text: 'Select words in the source and press Cite (or move to a passage with J and K and press C). The quote goes into the note beside the source, with a chip that leads back to it.',
  },
  export: {
    title: 'Export',
    text: 'When the note says what you want, press Export… in it: the report (PDF, Word, HTML, Markdown) lists every source, and every quote can be checked.',
  },
};

/** The first step not yet done, unless the writer put the guide away. */
export function useFirstRun() {
  const { settings, loaded, update } = useSettings();
  const { done, dismissed } = settings.firstRun;
  const current = loaded && !dismissed ? FIRST_RUN_STEPS.find((s) => !done.includes(s)) : undefined;
  const markDone = useCallback(
    (step: FirstRunStep) => {
      if (!loaded || done.includes(step)) return;
      update({ firstRun: { done: [...done, step], dismissed } });
    },
    [loaded, done, dismissed, update],
  );
  const dismiss = useCallback(() => update({ firstRun: { done, dismissed: true } }), [done, update]);
  return { current, done, markDone, dismiss };
}

/** On the Library: the three steps, ticked as they are done. */
export function FirstRunGuide({ firstSourceId }: { firstSourceId: string | undefined }) {
  const { current, done, dismiss } = useFirstRun();
  if (!current) return null;
  return (
    <section className="first-run" aria-labelledby="first-run-title">
      <h2 id="first-run-title">Getting started: read, cite, export</h2>
      <ol>
        {FIRST_RUN_STEPS.map((step) => (
          <li key={step} className={done.includes(step) ? 'done' : step === current ? 'current' : ''}>
            <strong>
              {STEPS[step].title}
              {done.includes(step) ? ' ✓' : ''}
            </strong>{' '}
            {STEPS[step].text}
            {step === 'read' && step === current && firstSourceId && (
              <>
                {' '}
                <a href={routeHref('source', [firstSourceId])}>Open the first source</a>.
              </>
            )}
          </li>
        ))}
      </ol>
      <p className="first-run-footer">
        Press <kbd>?</kbd> at any time for every keyboard shortcut ({MOD}+K searches everything).{' '}
        <button type="button" className="link-button" onClick={dismiss}>
          Hide this guide
        </button>
      </p>
    </section>
  );
}

/** Where a step is done, the hint for it: cite in the reader, export in the note. */
export function FirstRunHint({ step }: { step: FirstRunStep }) {
  const { current, dismiss } = useFirstRun();
  const showing = step === 'read' ? current === 'read' || current === 'cite' : current === step;
  if (!showing) return null;
  const shown = step === 'read' ? 'cite' : step;
  const index = FIRST_RUN_STEPS.indexOf(shown) + 1;
  return (
    <div className="first-run-hint" role="note" aria-label="Getting started">
      <p>
        <strong>
          Step {index} of 3 · {STEPS[shown].title}:
        </strong>{' '}
        {STEPS[shown].text}
      </p>
      <button type="button" className="link-button" onClick={dismiss}>
        Hide the guide
      </button>
    </div>
  );
}
