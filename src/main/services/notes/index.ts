/** What other services use from notes: the service and its handlers, re-anchoring after a new source version, and note text for search. */
export { createNotesService, type NotesService, type NotesServiceOptions } from './service';
export { noteHandlers } from './handlers';
export { reanchorCitationsForSource } from './reanchor';
export { notePlainText } from './plainText';
