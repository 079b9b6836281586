import { useLexicalComposerContext } from '@lexical/react/LexicalComposerContext';
import type { MenuTextMatch } from '@lexical/react/LexicalTypeaheadMenuPlugin';
import { useCallback, useEffect, useMemo, useState } from 'react';
import type { EntitySummary } from '../../../../../shared/domain';
import { foldForMatch } from '../../../../../shared/text';
import { api } from '../../../api';
import { $createEntityMentionNode } from '../nodes/EntityMentionNode';
import { ClosingTypeaheadPlugin } from './ClosingTypeaheadPlugin';
import { matchRank, renderTypeahead, TypeaheadOption } from './TypeaheadList';

const MAX_OPTIONS = 8;
// Names have spaces ("Chen Wenqing"), so the query runs to the caret, up to a few words.
const MENTION_TRIGGER = /(^|[\s(“"])@([^@\n]{0,40})$/u;

function matchMention(text: string): MenuTextMatch | null {
  const m = MENTION_TRIGGER.exec(text);
  if (!m) return null;
  return { leadOffset: m.index + m[1]!.length, matchingString: m[2]!, replaceableString: '@' + m[2]! };
}
let entitiesOnce: Promise<EntitySummary[]> | undefined;

/** "@" then a name or an alias: inserts a mention of that entity. */
export function MentionsPlugin({ parent }: { parent?: HTMLElement }) {
  const [editor] = useLexicalComposerContext();
  const [query, setQuery] = useState<string | null>(null);
  const [entities, setEntities] = useState<EntitySummary[]>([]);
  const trigger = useCallback((text: string) => matchMention(text), []);

  useEffect(() => {
    void (entitiesOnce ??= api().entities.list({})).then(setEntities, () => undefined);
  }, []);

  const options = useMemo(() => {
    if (query === null) return [];
    const q = foldForMatch(query);
    return entities
      .map((e) => {
        // The best of the entity's names: "Xi" finds Xi Jinping by its alias "Xi" before Xie Maosong.
        let best: { name: string; rank: number } | null = null;
        for (const name of [e.name, ...e.aliases]) {
          const rank = matchRank(foldForMatch(name), q);
          if (rank !== undefined && (!best || rank < best.rank)) best = { name, rank };
        }
        return best && { e, hit: best.name, rank: best.rank };
      })
      .filter((x): x is { e: EntitySummary; hit: string; rank: number } => !!x)
      .sort((a, b) => a.rank - b.rank || b.e.mentionCount - a.e.mentionCount || a.e.name.localeCompare(b.e.name))
      .slice(0, MAX_OPTIONS)
      .map(
        ({ e, hit }) =>
          new TypeaheadOption(e.id, e.name, hit === e.name ? e.type : `${e.type} · “${hit}”`, { kind: 'entity', id: e.id, type: e.type }),
      );
  }, [entities, query]);

  return (
    <ClosingTypeaheadPlugin<TypeaheadOption>
      onQueryChange={setQuery}
      onSelectOption={(option, textNode, closeMenu) => {
        if (option.payload.kind !== 'entity') return;
        const { id, type } = option.payload;
        editor.update(() => {
          const mention = $createEntityMentionNode(id, type, option.label);
          if (textNode) textNode.replace(mention);
          mention.select();
          closeMenu();
        });
      }}
      parent={parent}
      triggerFn={trigger}
      options={options}
      menuRenderFn={renderTypeahead('Entities')}
    />
  );
}
