/**
 * The change log: one row per thing that changed (a source, an entity, a note), carrying the
 * sequence number of its latest change. Triggers write it in the same transaction as the change,
 * so no code path can forget, and every process reads the same log: the `changed` event, the
 * search index's catch-up and an open window's refresh all follow it, whoever committed.
 * A row per thing rather than per change keeps the log as small as the notebook.
 */
const bump = (kind: string, ref: string) =>
  `INSERT INTO change_log (kind, ref) VALUES ('${kind}', ${ref})
     ON CONFLICT (kind, ref) DO UPDATE SET seq = (SELECT max(seq) + 1 FROM change_log);`;

const sourceOfPassage = (passageId: string) =>
  `INSERT INTO change_log (kind, ref)
     SELECT 'source', v.source_id FROM passage p JOIN source_version v ON v.id = p.version_id WHERE p.id = ${passageId}
     ON CONFLICT (kind, ref) DO UPDATE SET seq = (SELECT max(seq) + 1 FROM change_log);`;

function triggers(
  table: string,
  body: (row: 'NEW' | 'OLD') => string,
  events: ('INSERT' | 'UPDATE' | 'DELETE')[] = ['INSERT', 'UPDATE', 'DELETE'],
) {
  return events
    .map((event) => {
      // An update may move a row between owners (a mention relinked to another entity): both hear of it.
      const rows: ('NEW' | 'OLD')[] = event === 'DELETE' ? ['OLD'] : event === 'INSERT' ? ['NEW'] : ['OLD', 'NEW'];
      return `CREATE TRIGGER change_log_${table}_${event.toLowerCase()} AFTER ${event} ON ${table} BEGIN\n  ${rows.map(body).join('\n  ')}\nEND;`;
    })
    .join('\n');
}

export const sql = /* sql */ `
CREATE TABLE change_log (
  seq  INTEGER PRIMARY KEY AUTOINCREMENT,
  kind TEXT NOT NULL CHECK (kind IN ('source', 'entity', 'note')),
  ref  TEXT NOT NULL,
  UNIQUE (kind, ref)
) STRICT;

${triggers('source', (r) => bump('source', `${r}.id`))}
${triggers('source_version', (r) => bump('source', `${r}.source_id`), ['INSERT', 'DELETE'])}
${triggers('mention', (r) => `${bump('entity', `${r}.entity_id`)}\n  ${sourceOfPassage(`${r}.passage_id`)}`)}
${triggers('entity', (r) => bump('entity', `${r}.id`))}
${triggers('entity_alias', (r) => bump('entity', `${r}.entity_id`))}
${triggers('entity_suggestion', (r) => bump('source', `${r}.source_id`))}
${triggers('note', (r) => bump('note', `${r}.id`))}
${triggers('citation', (r) => bump('note', `${r}.note_id`))}

-- What is already in the notebook counts as changed once, so a reader of the log starts complete.
INSERT INTO change_log (kind, ref) SELECT 'source', id FROM source;
INSERT INTO change_log (kind, ref) SELECT 'entity', id FROM entity;
INSERT INTO change_log (kind, ref) SELECT 'note', id FROM note;
`;
