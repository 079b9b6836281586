import { crc32, deflateRawSync } from 'node:zlib';

/** Generated, never committed: each bad input is built here from a few lines of its format. */

const escapePdf = (s: string) => s.replace(/[\\()]/g, (c) => `\\${c}`);

/** A minimal valid PDF: Helvetica text, one content stream per page, a correct xref table. */
export function makePdf(pages: string[][], options: { title?: string; textLayer?: boolean } = {}): Buffer {
  const objects: string[] = [];
  objects.push('<< /Type /Catalog /Pages 2 0 R >>');
  objects.push(`<< /Type /Pages /Kids [${pages.map((_, i) => `${5 + i * 2} 0 R`).join(' ')}] /Count ${pages.length} >>`);
  objects.push('<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica >>');
  objects.push(`<< /Title (${escapePdf(options.title ?? '')}) /Author (Test Author) /CreationDate (D:20240305120000Z) >>`);
  pages.forEach((lines) => {
    const content =
      options.textLayer === false
        ? '0.5 g 72 600 200 100 re f'
        : `BT /F1 12 Tf 72 720 Td 14 TL ${lines.map((l) => (l === '' ? 'T* T*' : `(${escapePdf(l)}) Tj T*`)).join(' ')} ET`;
    objects.push(
      `<< /Type /Page /Parent 2 0 R /MediaBox [0 0 612 792] /Resources << /Font << /F1 3 0 R >> >> /Contents ${objects.length + 2} 0 R >>`,
    );
    objects.push(`<< /Length ${content.length} >>\nstream\n${content}\nendstream`);
  });
  let out = '%PDF-1.4\n';
  const offsets: number[] = [];
  objects.forEach((body, i) => {
    offsets.push(out.length);
    out += `${i + 1} 0 obj\n${body}\nendobj\n`;
  });
  const xref = out.length;
  out += `xref\n0 ${objects.length + 1}\n0000000000 65535 f \n${offsets.map((o) => `${String(o).padStart(10, '0')} 00000 n \n`).join('')}`;
  out += `trailer\n<< /Size ${objects.length + 1} /Root 1 0 R /Info 4 0 R >>\nstartxref\n${xref}\n%%EOF\n`;
  return Buffer.from(out, 'latin1');
}

export interface ZipFile {
  name: string;
  data: Buffer | string;
  /** Lie about the expanded size in the headers, as a crafted bomb does. */
  declaredSize?: number;
}

/** A zip writer small enough to read: deflate, local headers, central directory, end record. */
export function makeZip(files: ZipFile[]): Buffer {
  const locals: Buffer[] = [];
  const centrals: Buffer[] = [];
  let offset = 0;
  for (const file of files) {
    const data = Buffer.isBuffer(file.data) ? file.data : Buffer.from(file.data, 'utf8');
    const compressed = deflateRawSync(data);
    const name = Buffer.from(file.name, 'utf8');
    const size = file.declaredSize ?? data.length;
    const crc = crc32(data);
    const local = Buffer.alloc(30);
    local.writeUInt32LE(0x04034b50, 0);
    local.writeUInt16LE(20, 4);
    local.writeUInt16LE(8, 8);
    local.writeUInt32LE(crc, 14);
    local.writeUInt32LE(compressed.length, 18);
    local.writeUInt32LE(size, 22);
    local.writeUInt16LE(name.length, 26);
    const central = Buffer.alloc(46);
    central.writeUInt32LE(0x02014b50, 0);
    central.writeUInt16LE(20, 4);
    central.writeUInt16LE(20, 6);
    central.writeUInt16LE(8, 10);
    central.writeUInt32LE(crc, 16);
    central.writeUInt32LE(compressed.length, 20);
    central.writeUInt32LE(size, 24);
    central.writeUInt16LE(name.length, 28);
    central.writeUInt32LE(offset, 42);
    locals.push(local, name, compressed);
    centrals.push(central, name);
    offset += local.length + name.length + compressed.length;
  }
  const directory = Buffer.concat(centrals);
  const end = Buffer.alloc(22);
  end.writeUInt32LE(0x06054b50, 0);
  end.writeUInt16LE(files.length, 8);
  end.writeUInt16LE(files.length, 10);
  end.writeUInt32LE(directory.length, 12);
  end.writeUInt32LE(offset, 16);
  return Buffer.concat([...locals, directory, end]);
}

const W =
  'xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main" xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships"';

export interface DocxParagraph {
  text: string;
  style?: 'Title' | 'Heading1' | 'ListParagraph';
}

/** A Word document mammoth accepts; `body` may carry extra raw XML such as an image. */
export function makeDocx(
  paragraphs: DocxParagraph[],
  options: { title?: string; extraBody?: string; relationships?: string; documentXml?: ZipFile } = {},
): Buffer {
  const body = paragraphs
    .map(
      (p) =>
        `<w:p>${p.style ? `<w:pPr><w:pStyle w:val="${p.style}"/></w:pPr>` : ''}<w:r><w:t xml:space="preserve">${p.text.replace(/&/g, '&amp;').replace(/</g, '&lt;')}</w:t></w:r></w:p>`,
    )
    .join('');
  return makeZip([
    {
      name: '[Content_Types].xml',
      data: '<?xml version="1.0" encoding="UTF-8"?><Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"><Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/><Default Extension="xml" ContentType="application/xml"/><Override PartName="/word/document.xml" ContentType="application/vnd.openxmlformats-officedocument.wordprocessingml.document.main+xml"/></Types>',
    },
    {
      name: '_rels/.rels',
      data: '<?xml version="1.0" encoding="UTF-8"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument" Target="word/document.xml"/></Relationships>',
    },
    options.documentXml ?? {
      name: 'word/document.xml',
      data: `<?xml version="1.0" encoding="UTF-8"?><w:document ${W}><w:body>${body}${options.extraBody ?? ''}</w:body></w:document>`,
    },
    {
      name: 'word/_rels/document.xml.rels',
      data: `<?xml version="1.0" encoding="UTF-8"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">${options.relationships ?? ''}</Relationships>`,
    },
    {
      name: 'docProps/core.xml',
      data: `<?xml version="1.0" encoding="UTF-8"?><cp:coreProperties xmlns:cp="http://schemas.openxmlformats.org/package/2006/metadata/core-properties" xmlns:dc="http://purl.org/dc/elements/1.1/" xmlns:dcterms="http://purl.org/dc/terms/"><dc:title>${options.title ?? ''}</dc:title><dc:creator>Docx Author</dc:creator><dcterms:created>2023-04-01T00:00:00Z</dcterms:created></cp:coreProperties>`,
    },
  ]);
}

/** An inline picture whose relationship points at a file on this machine (TargetMode="External"). */
export function externalImageDocx(target: string): Buffer {
  const drawing = `<w:p><w:r><w:drawing><wp:inline xmlns:wp="http://schemas.openxmlformats.org/drawingml/2006/wordprocessingDrawing"><wp:docPr id="1" name="Picture 1" descr="linked picture"/><a:graphic xmlns:a="http://schemas.openxmlformats.org/drawingml/2006/main"><a:graphicData uri="http://schemas.openxmlformats.org/drawingml/2006/picture"><pic:pic xmlns:pic="http://schemas.openxmlformats.org/drawingml/2006/picture"><pic:nvPicPr><pic:cNvPr id="0" name="x.png"/><pic:cNvPicPr/></pic:nvPicPr><pic:blipFill><a:blip r:link="rIdImg"/></pic:blipFill><pic:spPr/></pic:pic></a:graphicData></a:graphic></wp:inline></w:drawing></w:r></w:p>`;
  return makeDocx([{ text: 'A document with a linked picture.' }], {
    extraBody: drawing,
    relationships: `<Relationship Id="rIdImg" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/image" Target="file://${target}" TargetMode="External"/>`,
  });
}

export const HOSTILE_HTML = `<!doctype html>
<html><head>
<meta charset="utf-8">
<title>Hostile page</title>
<link rel="stylesheet" href="https://tracker.invalid/style.css">
<link rel="canonical" href="https://news.example.org/story/1">
<meta property="og:site_name" content="Example News">
<meta name="author" content="Ada Writer">
<meta property="article:published_time" content="2024-02-03T10:00:00Z">
<script type="application/ld+json">{"@type":"NewsArticle","headline":"Ministry reforms announced","author":{"@type":"Person","name":"Ada Writer"},"datePublished":"2024-02-03","publisher":{"@type":"Organization","name":"Example News"}}</script>
<script>globalThis.__ran = true; fetch('https://tracker.invalid/beacon');</script>
<style>body { background: url(https://tracker.invalid/bg.png) }</style>
</head>
<body onload="globalThis.__ran = true">
<nav><a href="/">Home</a> <a href="/world">World</a> <a href="/sport">Sport</a></nav>
<article>
<h1>Ministry reforms announced</h1>
<p>The Ministry of State Security announced reforms on Monday, officials in Beijing said, in a statement that ran to several pages and covered many points of detail.</p>
<img src="https://tracker.invalid/pixel.gif" onerror="globalThis.__ran = true" alt="">
<p>Critics said the changes <a href="javascript:globalThis.__ran=true">were cosmetic</a> and would do little to change practice, according to people familiar with the matter.</p>
<h2>Reaction abroad</h2>
<ul><li>Washington asked for clarification.</li><li>Canberra said it was studying the text.</li></ul>
<blockquote><p>We will watch closely what happens next.</p></blockquote>
<iframe src="https://tracker.invalid/frame"></iframe>
<p>More paragraphs of body text follow here so that the reader view has enough material to decide this is the article and not the navigation.</p>
</article>
<aside class="comments">Comment: first! Buy cheap watches.</aside>
</body></html>`;
