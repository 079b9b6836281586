/**
 * Turns the browser's selection into offsets within one passage's text, so citations point at
 * characters of the stored text rather than at DOM nodes that change with every render.
 */
export interface PassageSelection {
  anchor: string;
  start: number;
  end: number;
  text: string;
}

function passageTextElement(node: Node | null): HTMLElement | null {
  const element = node instanceof HTMLElement ? node : (node?.parentElement ?? null);
  return element?.closest<HTMLElement>('[data-passage-text]') ?? null;
}

function offsetWithin(container: HTMLElement, node: Node, offset: number): number {
  const range = document.createRange();
  range.selectNodeContents(container);
  range.setEnd(node, offset);
  return range.toString().length;
}

export function selectionInPassage(selection: Selection | null = window.getSelection()): PassageSelection | null {
  if (!selection || selection.rangeCount === 0 || selection.isCollapsed) return null;
  const range = selection.getRangeAt(0);
  const startText = passageTextElement(range.startContainer);
  if (!startText) return null;
  const endText = passageTextElement(range.endContainer);
  const full = startText.textContent ?? '';
  const start = offsetWithin(startText, range.startContainer, range.startOffset);
  // A selection running into the next passage is cut at the end of the first one.
  const end = endText === startText ? offsetWithin(startText, range.endContainer, range.endOffset) : full.length;
  const anchor = startText.closest<HTMLElement>('[data-anchor]')?.dataset.anchor;
  if (!anchor || end <= start) return null;
  return { anchor, start, end, text: full.slice(start, end) };
}
