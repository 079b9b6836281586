import { useLexicalComposerContext } from '@lexical/react/LexicalComposerContext';
import type { MenuTextMatch } from '@lexical/react/LexicalTypeaheadMenuPlugin';
import { $createTextNode, $getNodeByKey } from 'lexical';
import { useCallback, useEffect, useMemo, useState } from 'react';
import type { NoteSummary } from '../../../../../shared/notes';
import { foldForFinding } from '../../../../../shared/chineseVariants';
import { api } from '../../../api';
import { $createNoteLinkNode } from '../nodes/NoteLinkNode';
import { ClosingTypeaheadPlugin } from './ClosingTypeaheadPlugin';
import { matchRank, renderTypeahead, TypeaheadOption } from './TypeaheadList';

const LINK_TRIGGER = /\[\[([^\]\n[]{0,80})$/;

function matchLink(text: string): MenuTextMatch | null {
  const m = LINK_TRIGGER.exec(text);
  return m ? { leadOffset: m.index, matchingString: m[1]!, replaceableString: m[0] } : null;
}

/** "[[" then a title: links to that note, or creates it when no note has that title. */
export function NoteLinkPlugin({ noteId, parent }: { noteId: string; parent?: HTMLElement }) {
  const [editor] = useLexicalComposerContext();
  const [query, setQuery] = useState<string | null>(null);
  const [notes, setNotes] = useState<NoteSummary[]>([]);

  // The note list is read when the popup opens, not on every keystroke.
  const open = query !== null;
  useEffect(() => {
    if (!open) return;
    let current = true;
    api()
      .notes.list({})
      .then(
        (list) => current && setNotes(list),
        () => undefined,
      );
    return () => {
      current = false;
    };
  }, [open]);

  const options = useMemo(() => {
    if (query === null) return [];
    const q = foldForFinding(query.trim());
    // Existing notes first, the best match on top, so Enter links rather than creates.
    const matches = notes
      .filter((n) => n.id !== noteId)
      .map((n) => ({ n, rank: matchRank(foldForFinding(n.title), q) }))
      .filter((x): x is { n: NoteSummary; rank: number } => x.rank !== undefined)
      .sort((a, b) => a.rank - b.rank || b.n.updatedAt.localeCompare(a.n.updatedAt))
      .slice(0, 8)
      .map(({ n }) => new TypeaheadOption(n.id, n.title, 'note', { kind: 'note', id: n.id }));
    const exact = notes.some((n) => foldForFinding(n.title) === q);
    if (q && !exact)
      matches.push(new TypeaheadOption(`new:${query}`, `Create “${query.trim()}”`, 'new note', { kind: 'new-note', title: query.trim() }));
    return matches;
  }, [notes, query, noteId]);

  const trigger = useCallback((text: string) => matchLink(text), []);

  return (
    <ClosingTypeaheadPlugin<TypeaheadOption>
      onQueryChange={setQuery}
      onSelectOption={(option, textNode, closeMenu) => {
        closeMenu();
        if (option.payload.kind === 'note') {
          const link = $createNoteLinkNode(option.payload.id, option.label);
          if (textNode) textNode.replace(link);
          link.select();
          return;
        }
        if (option.payload.kind !== 'new-note') return;
        // The note is created asynchronously; until then the title stands in as a token, which
        // Lexical does not merge into its neighbours, so it can be found again by its key.
        const title = option.payload.title;
        const placeholder = $createTextNode(title).setMode('token');
        if (textNode) textNode.replace(placeholder);
        placeholder.select();
        const key = placeholder.getKey();
        void api()
          .notes.create({ title })
          .then((created) =>
            editor.update(() => {
              const target = $getNodeByKey(key);
              if (!target) return;
              const link = $createNoteLinkNode(created.id, created.title);
              target.replace(link);
              link.select();
            }),
          );
      }}
      parent={parent}
      triggerFn={trigger}
      options={options}
      menuRenderFn={renderTypeahead('Notes')}
    />
  );
}
