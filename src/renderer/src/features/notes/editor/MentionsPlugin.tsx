import { useLexicalComposerContext } from '@lexical/react/LexicalComposerContext';
import type { MenuTextMatch } from '@lexical/react/LexicalTypeaheadMenuPlugin';
import { useCallback, useEffect, useMemo, useState } from 'react';
import { $createTextNode, $getNodeByKey, type TextNode } from 'lexical';
import type { EntitySummary, EntityType } from '../../../../../shared/domain';
import { foldForFinding } from '../../../../../shared/chineseVariants';
import { api } from '../../../api';
import { TYPE_LABELS } from '../../../ui/EntityTypeBadge';
import { guessEntityType } from '../../entities/guessType';
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
/**
 * Whether what follows "@" reads as a name: a few words, each capitalised (or a particle such as
 * "of" or "van"). A sentence typed after a stray "@" must not end in a new entity on Enter.
 */
const PARTICLES = new Set(['of', 'the', 'and', 'for', 'de', 'del', 'der', 'di', 'da', 'du', 'van', 'von', 'al', 'el', 'bin', 'la', 'le']);
function looksLikeName(name: string): boolean {
  const words = name.split(' ');
  return words.length <= 6 && /^[\p{Lu}\p{Lo}\d]/u.test(name) && words.every((w) => /^[\p{Lu}\p{Lo}\d]/u.test(w) || PARTICLES.has(w));
}
let entitiesOnce: Promise<EntitySummary[]> | undefined;

/** "@" then a name or an alias: inserts a mention of that entity, or creates one of that name. */
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
    const q = foldForFinding(query);
    const matches = entities
      .map((e) => {
        // The best of the entity's names: "Xi" finds Xi Jinping by its alias "Xi" before Xie Maosong.
        let best: { name: string; rank: number } | null = null;
        for (const name of [e.name, ...e.aliases]) {
          const rank = matchRank(foldForFinding(name), q);
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
    // Last, when no entity is called exactly that: make one (its type guessed; the panel changes it).
    const name = query.trim().replace(/\s+/g, ' ');
    if (looksLikeName(name) && !entities.some((e) => [e.name, ...e.aliases].some((n) => foldForFinding(n) === foldForFinding(name)))) {
      const type = guessEntityType(name);
      matches.push(
        new TypeaheadOption(`new:${name}`, `Create entity “${name}”`, `new ${TYPE_LABELS[type].toLowerCase()}`, {
          kind: 'new-entity',
          name,
          type,
        }),
      );
    }
    return matches;
  }, [entities, query]);

  /**
   * The entity is created asynchronously; until then the name stands in as a token (Lexical does
   * not merge it into its neighbours), found again by its key and replaced by the mention.
   */
  const createAndMention = (entity: { name: string; type: EntityType }, textNode: TextNode | null, closeMenu: () => void) => {
    editor.update(() => {
      const placeholder = $createTextNode(entity.name).setMode('token');
      if (textNode) textNode.replace(placeholder);
      placeholder.select();
      closeMenu();
      const key = placeholder.getKey();
      void api()
        .entities.create(entity)
        .then((created) => {
          entitiesOnce = undefined; // the list now has one more
          void (entitiesOnce = api().entities.list({})).then(setEntities, () => undefined);
          editor.update(() => {
            const target = $getNodeByKey(key);
            if (!target) return;
            const mention = $createEntityMentionNode(created.id, created.type, created.name);
            target.replace(mention);
            mention.select();
          });
        });
    });
  };

  return (
    <ClosingTypeaheadPlugin<TypeaheadOption>
      onQueryChange={setQuery}
      onSelectOption={(option, textNode, closeMenu) => {
        if (option.payload.kind === 'new-entity')
          return createAndMention({ name: option.payload.name, type: option.payload.type }, textNode, closeMenu);
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
