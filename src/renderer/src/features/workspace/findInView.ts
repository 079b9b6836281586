import { foldForFinding } from '../../../../shared/chineseVariants';

/** One character as foldForFinding folds it, whitespace kept as one space so offsets map back. */
const foldChar = (c: string) => (/\s/u.test(c) ? ' ' : foldForFinding(c));

/**
 * Every occurrence of `query` in the text under `root`, case- and accent-insensitively, traditional
 * and simplified Chinese alike, as DOM ranges. Text is matched node by node joined into one
 * string, so a match may span the pieces the reader cuts a passage into (around a highlighted name).
 */
export function findRanges(root: HTMLElement, query: string): Range[] {
  const needle = foldForFinding(query.trim());
  if (!needle) return [];
  const nodes: Text[] = [];
  const walker = document.createTreeWalker(root, NodeFilter.SHOW_TEXT, {
    acceptNode: (node) =>
      node.parentElement?.closest('[aria-hidden="true"], script, style, .find-bar') ? NodeFilter.FILTER_REJECT : NodeFilter.FILTER_ACCEPT,
  });
  for (let n = walker.nextNode(); n; n = walker.nextNode()) nodes.push(n as Text);
  // Folding may change lengths (ligatures, accents); fold per character to keep a map back.
  let haystack = '';
  const owner: { node: Text; offset: number }[] = [];
  for (const node of nodes) {
    for (let i = 0; i < node.data.length; i++) {
      const folded = foldChar(node.data[i]!);
      for (let k = 0; k < folded.length; k++) owner.push({ node, offset: i });
      haystack += folded;
    }
  }
  const ranges: Range[] = [];
  for (let at = haystack.indexOf(needle); at !== -1; at = haystack.indexOf(needle, at + needle.length)) {
    const start = owner[at]!;
    const end = owner[at + needle.length - 1]!;
    const range = document.createRange();
    range.setStart(start.node, start.offset);
    range.setEnd(end.node, end.offset + 1);
    ranges.push(range);
  }
  return ranges;
}

/** Paints the matches (the current one apart) and brings the current one into view. */
export function showMatches(ranges: Range[], current: number): void {
  if (typeof CSS === 'undefined' || !('highlights' in CSS)) return;
  CSS.highlights.delete('find-match');
  CSS.highlights.delete('find-current');
  if (ranges.length === 0) return;
  CSS.highlights.set('find-match', new Highlight(...ranges));
  const range = ranges[current];
  if (!range) return;
  CSS.highlights.set('find-current', new Highlight(range));
  const element = range.startContainer.parentElement;
  element?.scrollIntoView({ block: 'center' });
}
