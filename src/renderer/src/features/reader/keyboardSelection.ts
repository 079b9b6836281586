/**
 * Reading with the keyboard: J and K move between passages; Shift with the arrows selects words
 * (from the focused name, or from the start of the passage) so a quote can be chosen and cited
 * without a mouse. The browser's own Selection.modify does the word and sentence steps.
 */

export function focusedPassage(): HTMLElement | null {
  const active = document.activeElement;
  return active instanceof HTMLElement ? active.closest<HTMLElement>('.passages .passage') : null;
}

/** The passage that has the focus, else the first one showing at the top of the reader. */
function currentPassage(all: HTMLElement[]): HTMLElement | undefined {
  const focused = focusedPassage();
  if (focused) return focused;
  return all.find((p) => p.getBoundingClientRect().bottom > 80);
}

export function movePassage(step: 1 | -1): void {
  const all = [...document.querySelectorAll<HTMLElement>('.passages .passage')];
  if (all.length === 0) return;
  const current = currentPassage(all);
  const focused = focusedPassage();
  const index = current ? all.indexOf(current) : -1;
  // The first J goes to the passage in view, not past it.
  const next = focused ? all[index + step] : (current ?? all[0]);
  if (!next) return;
  next.focus({ preventScroll: true });
  next.scrollIntoView({ block: 'nearest' });
}

/** The text node and offset at a character offset of `element`'s text. */
function positionAt(element: HTMLElement, offset: number): [Node, number] {
  const walker = document.createTreeWalker(element, NodeFilter.SHOW_TEXT);
  let last: Text | null = null;
  for (let n = walker.nextNode() as Text | null; n; n = walker.nextNode() as Text | null) {
    if (offset <= n.data.length) return [n, offset];
    offset -= n.data.length;
    last = n;
  }
  return last ? [last, last.data.length] : [element, 0];
}

function offsetOf(element: HTMLElement, node: Node, offset: number): number {
  const range = document.createRange();
  range.selectNodeContents(element);
  range.setEnd(node, offset);
  return range.toString().length;
}

/**
 * The next place the selection's end may stop: the end of a word ("U.S." and "2020," are
 * words, as a reader sees them) or, by sentence, the end of a sentence (Intl.Segmenter).
 */
function nextStop(text: string, from: number, direction: 'forward' | 'backward', granularity: 'word' | 'sentence', floor: number): number {
  const stops: number[] = [];
  if (granularity === 'word') for (const m of text.matchAll(/\S+/g)) stops.push(m.index + m[0].length);
  else
    for (const s of new Intl.Segmenter(undefined, { granularity: 'sentence' }).segment(text))
      stops.push(s.index + s.segment.trimEnd().length);
  if (direction === 'forward') return stops.find((n) => n > from) ?? text.length;
  return [...stops].reverse().find((n) => n < from && n > floor) ?? floor;
}

/** Extends (or starts) the selection inside the focused passage by a word or a sentence. */
export function extendSelection(direction: 'forward' | 'backward', granularity: 'word' | 'sentence'): boolean {
  const passage = focusedPassage();
  const element = passage?.querySelector<HTMLElement>('[data-passage-text]');
  const selection = window.getSelection();
  if (!passage || !element || !selection) return false;
  const text = element.textContent ?? '';
  const inside = selection.rangeCount > 0 && element.contains(selection.anchorNode) && element.contains(selection.focusNode);
  let start: number;
  let end: number;
  if (inside) {
    start = offsetOf(element, selection.anchorNode!, selection.anchorOffset);
    end = offsetOf(element, selection.focusNode!, selection.focusOffset);
  } else {
    // From the focused name, or from the start of the passage.
    const mention = document.activeElement instanceof HTMLElement ? document.activeElement.closest('.mention') : null;
    start = mention && element.contains(mention) ? offsetOf(element, mention, 0) : 0;
    while (start < text.length && /\s/.test(text[start]!)) start++;
    end = start;
  }
  end = nextStop(text, end, direction, granularity, start);
  selection.setBaseAndExtent(...positionAt(element, start), ...positionAt(element, end));
  return true;
}
