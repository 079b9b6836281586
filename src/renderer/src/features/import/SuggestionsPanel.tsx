import { useState } from 'react';
import type { EntitySummary } from '../../../../shared/domain';
import type { EntitySuggestion } from '../../../../shared/imports';
import { api } from '../../api';
import { useLoad } from '../../app/useLoad';
import { Status } from '../../ui/Status';

function SuggestionRow({
  suggestion,
  entities,
  onResolved,
}: {
  suggestion: EntitySuggestion;
  entities: EntitySummary[];
  onResolved: () => void;
}) {
  const sameType = entities.filter((e) => e.type === suggestion.type);
  const [aliasOf, setAliasOf] = useState('');
  const [error, setError] = useState<string | null>(null);
  const resolve = async (input: Parameters<ReturnType<typeof api>['imports']['resolveSuggestion']>[0]) => {
    setError(null);
    try {
      await api().imports.resolveSuggestion(input);
      onResolved();
    } catch (err) {
      setError(err instanceof Error ? err.message : String(err));
    }
  };
  return (
    <li data-suggestion-id={suggestion.id}>
      <span className="suggestion-name">{suggestion.name}</span>{' '}
      <span className="suggestion-meta">
        ({suggestion.type}, {suggestion.occurrences}×)
      </span>{' '}
      <button type="button" onClick={() => void resolve({ id: suggestion.id, action: 'accept' })}>
        Accept
      </button>{' '}
      {sameType.length > 0 && (
        <>
          <select
            aria-label={`Existing ${suggestion.type} for ${suggestion.name}`}
            value={aliasOf}
            onChange={(e) => setAliasOf(e.currentTarget.value)}
          >
            <option value="">alias of…</option>
            {sameType.map((e) => (
              <option key={e.id} value={e.id}>
                {e.name}
              </option>
            ))}
          </select>{' '}
          <button type="button" disabled={!aliasOf} onClick={() => void resolve({ id: suggestion.id, action: 'alias', entityId: aliasOf })}>
            Alias
          </button>{' '}
        </>
      )}
      <button type="button" onClick={() => void resolve({ id: suggestion.id, action: 'reject' })}>
        Reject
      </button>
      {error && (
        <span className="status error" role="alert">
          {' '}
          {error}
        </span>
      )}
    </li>
  );
}

/** New names the tagger found in a source: nothing is linked until the user accepts or aliases one. */
export function SuggestionsPanel({ sourceId }: { sourceId: string }) {
  const data = useLoad(
    async () => ({
      suggestions: await api().imports.suggestions({ sourceId, status: 'pending' }),
      entities: await api().entities.list({}),
    }),
    `suggestions:${sourceId}`,
    [{ kind: 'source', sourceId }, { kind: 'entity' }],
  );
  return (
    <section className="entity-suggestions" aria-labelledby="suggestions-title">
      <h2 id="suggestions-title">Suggested entities</h2>
      <Status state={data}>
        {({ suggestions, entities }) =>
          suggestions.length === 0 ? (
            <p className="status">No pending suggestions for this source.</p>
          ) : (
            <ul>
              {suggestions.map((s) => (
                <SuggestionRow key={s.id} suggestion={s} entities={entities} onResolved={data.reload} />
              ))}
            </ul>
          )
        }
      </Status>
    </section>
  );
}
