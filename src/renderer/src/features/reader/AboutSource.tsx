import type { SourceDetail } from '../../../../shared/domain';
import { OrUnknown } from '../../ui/Unknown';
import { authorsLabel } from '../../../../shared/names';
import { publishedIn } from '../../../../shared/sourceMetadata';
import { SourceTags } from '../library/SourceTags';

/** Who wrote the source and when, and a few plain words about it, folded away until wanted. */
export function AboutSource({ source }: { source: SourceDetail }) {
  const m = source.metadata;
  return (
    <header className="reader-header">
      {source.deletedAt && (
        <p className="deleted-banner" role="note">
          This source was deleted from the library on {new Date(source.deletedAt).toLocaleDateString(undefined, { dateStyle: 'medium' })}.
          Its text is shown as it was kept, read-only. Notes that cite it keep the words they quoted; restore it from the library’s deleted
          sources to cite it again.
        </p>
      )}
      <dl className="metadata">
        <div>
          <dt>Author</dt>
          <dd>
            <OrUnknown value={authorsLabel(m.authors)} />
          </dd>
        </div>
        <div>
          <dt>Date</dt>
          <dd>
            <OrUnknown value={m.issued} />
          </dd>
        </div>
        <div>
          <dt>Publisher</dt>
          <dd>
            <OrUnknown value={publishedIn(m)} />
          </dd>
        </div>
        <div>
          <dt>Passages</dt>
          <dd>{source.passageCount}</dd>
        </div>
        <div>
          <dt>Tags</dt>
          <dd>
            <SourceTags source={source} />
          </dd>
        </div>
      </dl>
      {m.note && (
        <details className="about-source">
          <summary>About this source</summary>
          <p>{m.note}</p>
          {source.fileName && <p className="provenance">Imported from {source.fileName}.</p>}
        </details>
      )}
    </header>
  );
}
