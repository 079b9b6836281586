/**
 * Every keyboard shortcut, in one list: the sheet (`?`) shows it, so a shortcut added without a
 * line here is a shortcut nobody finds. The handlers live with the features that own them.
 */
export interface Shortcut {
  keys: string[];
  what: string;
}

export interface ShortcutGroup {
  title: string;
  shortcuts: Shortcut[];
}

const mac = typeof navigator !== 'undefined' && /Mac|iPhone|iPad/.test(navigator.platform);
/** "Ctrl" or "⌘", as the keyboard in front of the writer says. */
export const MOD = mac ? '⌘' : 'Ctrl';

export const isMod = (event: KeyboardEvent | React.KeyboardEvent) => (mac ? event.metaKey : event.ctrlKey);

/** Typing into a field or the note must never trigger a one-letter shortcut. */
export function isTyping(target: EventTarget | null): boolean {
  if (!(target instanceof HTMLElement)) return false;
  return target.isContentEditable || target.matches('input, textarea, select');
}

export const SHORTCUTS: ShortcutGroup[] = [
  {
    title: 'Anywhere',
    shortcuts: [
      { keys: ['?'], what: 'Show these shortcuts' },
      { keys: [MOD, 'K'], what: 'Search everything' },
      { keys: [MOD, 'N'], what: 'New note (Alt+Shift+N in a browser tab, where the browser keeps Ctrl+N)' },
      { keys: [MOD, 'Shift', 'O'], what: 'Switch to a recent note' },
      { keys: [MOD, 'F'], what: 'Find in this view, with a count of matches' },
      { keys: ['Alt', '←'], what: 'Back (also the mouse’s back button)' },
      { keys: ['Alt', '→'], what: 'Forward' },
      { keys: ['Esc'], what: 'Close the topmost panel or popup' },
      { keys: [MOD, 'Shift', 'E'], what: 'Go to the note (or back to where you were reading)' },
    ],
  },
  {
    title: 'Reading a source',
    shortcuts: [
      { keys: ['J'], what: 'Next passage' },
      { keys: ['K'], what: 'Previous passage' },
      { keys: ['Tab'], what: 'The highlighted names of the next passage (one stop per passage)' },
      { keys: ['←', '→'], what: 'The previous or next name within a passage' },
      { keys: ['Enter'], what: 'Open the focused name in the entity panel' },
      { keys: ['Shift', '→'], what: 'Select one more word (from the start of the passage or the focused name)' },
      { keys: ['Shift', '←'], what: 'Select one word less' },
      { keys: ['Shift', '↓'], what: 'Select to the end of the sentence' },
      { keys: ['C'], what: 'Cite the selection, or the whole passage, into the open note' },
      { keys: ['Q'], what: 'Cite with the quoted words as a block quote' },
      { keys: [MOD, 'Shift', 'C'], what: 'Cite the selection (add Alt for the quote)' },
      { keys: ['E'], what: 'New entity from the selection (also in its context menu)' },
    ],
  },
  {
    title: 'Writing a note',
    shortcuts: [
      { keys: ['@'], what: 'Mention an entity' },
      { keys: ['[', '['], what: 'Link another note' },
      { keys: ['Alt', 'Enter'], what: 'Open the link or mention at the caret' },
      { keys: [MOD, 'B'], what: 'Bold' },
      { keys: [MOD, 'I'], what: 'Italic' },
      { keys: [MOD, 'Z'], what: 'Undo' },
      { keys: [MOD, 'Shift', 'Z'], what: 'Redo' },
    ],
  },
];
