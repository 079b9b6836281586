import { useEffect, useState } from 'react';
import type { PassageCitations } from '../../../../../shared/notes';
import { api } from '../../../api';

/** Citation counts per passage of a source; refreshed when `refreshKey` changes (e.g. a save). */
export function usePassageCitations(sourceId: string, refreshKey: string): Map<string, PassageCitations> {
  const [byAnchor, setByAnchor] = useState(new Map<string, PassageCitations>());
  useEffect(() => {
    let current = true;
    api()
      .notes.passageCitations({ sourceId })
      .then(
        (list) => current && setByAnchor(new Map(list.map((p) => [p.anchor, p]))),
        () => undefined,
      );
    return () => {
      current = false;
    };
  }, [sourceId, refreshKey]);
  return byAnchor;
}
