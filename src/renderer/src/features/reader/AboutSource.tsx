import type { SourceDetail } from '../../../../shared/domain';
import { OrUnknown } from '../../ui/Unknown';

/** Who wrote the source and when, and a few plain words about it, folded away until wanted. */
export function AboutSource({ source }: { source: SourceDetail }) {
  const m = source.metadata;
  return (
    <header className="reader-header">
      <dl className="metadata">
        <div>
          <dt>Author</dt>
          <dd>
            <OrUnknown value={m.authors.join('; ')} />
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
            <OrUnknown value={m.publisher} />
          </dd>
        </div>
        <div>
          <dt>Passages</dt>
          <dd>{source.passageCount}</dd>
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
