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

function firstTextPosition(element: Node): [Node, number] {
  const walker = document.createTreeWalker(element, NodeFilter.SHOW_TEXT);
  const node = walker.nextNode();
  return node ? [node, 0] : [element, 0];
}

/** Extends (or starts) the selection inside the focused passage by a word or a sentence. */
export function extendSelection(direction: 'forward' | 'backward', granularity: 'word' | 'sentence'): boolean {
  const passage = focusedPassage();
  const text = passage?.querySelector<HTMLElement>('[data-passage-text]');
  const selection = window.getSelection();
  if (!passage || !text || !selection) return false;
  const inside = selection.rangeCount > 0 && text.contains(selection.anchorNode) && text.contains(selection.focusNode);
  if (!inside) {
    const mention = document.activeElement instanceof HTMLElement ? document.activeElement.closest('.mention') : null;
    selection.collapse(...firstTextPosition(mention ?? text));
  }
  selection.modify('extend', direction, granularity);
  // Never past the passage: a selection that ran into the next one is cut at this one's end.
  if (!text.contains(selection.focusNode)) selection.extend(text, text.childNodes.length);
  return true;
}
