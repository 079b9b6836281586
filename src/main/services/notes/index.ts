/** What other services use from notes: the handlers, re-anchoring after a new source version, and note text for search. */
export { noteHandlers, type NotesServiceOptions } from './service';
export { reanchorCitationsForSource } from './reanchor';
export { notePlainText } from './plainText';
