import type { SaveStatus } from './editor/useAutosave';

/** "Saved" appears only after the store confirmed the commit of the newest change. */
export function SaveStatusBadge({ status }: { status: SaveStatus }) {
  switch (status.kind) {
    case 'saved':
      return (
        <span className="save-status saved" role="status" title={`Saved at ${new Date(status.at).toLocaleTimeString()}`}>
          Saved
        </span>
      );
    case 'saving':
      return (
        <span className="save-status saving" role="status">
          Saving…
        </span>
      );
    case 'dirty':
      return (
        <span className="save-status dirty" role="status">
          Unsaved changes
        </span>
      );
    case 'error':
      return (
        <span className="save-status error" role="alert" title={status.message}>
          {status.retrying ? 'Error — retrying' : 'Not saved'}: {status.message}
        </span>
      );
  }
}
