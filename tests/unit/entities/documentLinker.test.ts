import { describe, expect, it } from 'vitest';
import { classifyAlias } from '../../../src/main/services/entities/aliasClass';
import { createDocumentLinker, type KnownAlias } from '../../../src/main/services/entities/documentLinker';

const alias = (
  entityId: string,
  text: string,
  entityType: KnownAlias['entityType'],
  entityName = text,
  extra: Partial<KnownAlias> = {},
): KnownAlias => ({
  entityId,
  alias: text,
  exactCase: false,
  scope: '',
  entityType,
  entityName,
  curated: true,
  ...extra,
});

const linker = createDocumentLinker([
  alias('apple', 'Apple', 'organization'),
  alias('ccp', 'Chinese Communist Party', 'organization'),
  alias('ccp', 'Communist Party', 'organization', 'Chinese Communist Party'),
  alias('ccp', 'CCP', 'organization', 'Chinese Communist Party'),
  alias('state-council', 'State Council of China', 'organization'),
  alias('state-council', 'State Council', 'organization', 'State Council of China'),
  alias('mps', 'Ministry of Public Security', 'organization'),
  alias('mps', 'MPS', 'organization', 'Ministry of Public Security'),
  alias('cia', 'CIA', 'organization'),
  alias('china', 'China', 'place'),
  alias('china', "People's Republic of China", 'place', 'China'),
  alias('xi', 'Xi Jinping', 'person'),
  alias('xi', 'Xi', 'person', 'Xi Jinping', { exactCase: true }),
  alias('snowden', 'Edward Snowden', 'person'),
]);
const linked = (passages: string[]) => {
  const doc = linker.link(passages, { sourceId: 'src-x' });
  return {
    links: doc.links.flat().map((l) => `${l.surface}→${l.entityId}/${l.method}`),
    possible: doc.possible.flat().map((p) => `${p.surface}→${p.entityId}`),
  };
};

describe('alias classes from data', () => {
  it.each([
    ['Apple', 'organization', 'generic'],
    ['State Council', 'organization', 'generic'],
    ['Communist Party', 'organization', 'generic'],
    ['MPS', 'organization', 'generic'],
    ['CIA', 'organization', 'strong'],
    ['PLANMC', 'organization', 'strong'],
    ['Huawei', 'organization', 'strong'],
    ['Chinese Communist Party', 'organization', 'strong'],
    ['United Kingdom', 'place', 'strong'],
    ['Austin', 'place', 'generic'],
    ['Xi Jinping', 'person', 'strong'],
    ['President Xi', 'person', 'strong'],
    ['Snowden', 'person', 'surname'],
  ] as const)('%s (%s) is %s', (text, type, expected) => expect(classifyAlias(text, type).aliasClass).toBe(expected));
  it("reads a country's initials as strong", () => expect(classifyAlias('US', 'place', ['United States']).aliasClass).toBe('strong'));
});

describe('precision-first linking of a document', () => {
  it('never links "apple pie" to Apple, and keeps an unsupported "Apple" only as a possible mention', () => {
    expect(linked(['We baked an apple pie.', 'The laptop was made by Apple.'])).toEqual({ links: [], possible: ['Apple→apple'] });
  });

  it('links a generic alias where the document names the entity distinctively', () => {
    expect(linked(['The Chinese Communist Party met.', 'The Communist Party said the CCP would decide.']).links).toEqual([
      'Chinese Communist Party→ccp/name',
      'Communist Party→ccp/context',
      'CCP→ccp/context',
    ]);
  });

  it('drops a generic alias qualified by another country, whatever else the document says', () => {
    const doc = linked([
      'The Chinese Communist Party is large.',
      "The Communist Party of Austria is small; Colombia's State Council met; the Cuban Communist Party too.",
    ]);
    expect(doc.links).toEqual(['Chinese Communist Party→ccp/name']);
    expect(doc.possible).toEqual([]);
  });

  it('links a generic alias qualified by its own country', () => {
    expect(linked(["China's State Council approved it."]).links).toEqual(['China→china/name', 'State Council→state-council/context']);
  });

  it('reads an acronym as the document defines it', () => {
    expect(linked(['The Maldives Police Service (MPS) grew.', 'The MPS said so.'])).toEqual({ links: [], possible: [] });
    expect(linked(['The Ministry of Public Security (MPS) grew.', 'The MPS said so.']).links).toEqual([
      'Ministry of Public Security→mps/context',
      'MPS→mps/context',
      'MPS→mps/context',
    ]);
  });

  it('links a generic alias in a document about its home country', () => {
    expect(linked(['China is large. China grew. China changed.', 'cabinet: State Council appointed by the congress']).links).toContain(
      'State Council→state-council/context',
    );
  });

  it('matches names by case: acronyms exactly, family names in capitals as official sources write them', () => {
    expect(linked(['The cia and Cia are not the CIA.']).links).toEqual(['CIA→cia/name']);
    expect(linked(['President XI Jinping spoke.']).links).toEqual(['XI Jinping→xi/name']);
  });

  it('links a surname only where the person is named in full, and never inside another name', () => {
    expect(linked(['Edward Snowden left. Snowden flew to Moscow.']).links).toEqual([
      'Edward Snowden→snowden/name',
      'Snowden→snowden/person',
    ]);
    expect(linked(['Snowden flew to Moscow.'])).toEqual({ links: [], possible: ['Snowden→snowden'] });
    expect(linked(['Xi Jinping spoke; Xi smiled; Xi Xiaoming and Lin Xi did not.']).links).toEqual(['Xi Jinping→xi/name', 'Xi→xi/person']);
  });

  it('does not read "Republic of China" or "East China Sea" as China', () => {
    const doc = linked([
      'The Republic of China governs Taiwan.',
      'Ships crossed the East China Sea.',
      "The People's Republic of China objected.",
    ]);
    expect(doc.links).toEqual(["People's Republic of China→china/alias"]);
  });

  it('trusts curated aliases in a seed source as the curators checked them', () => {
    const doc = linker.link(['The laptop was made by Apple.'], { sourceId: 'seed-000', curatedSource: true });
    expect(doc.links.flat().map((l) => `${l.surface}/${l.method}/${l.confidence}`)).toEqual(['Apple/curated/1']);
  });
});
