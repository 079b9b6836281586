import {
  CITATION_STYLE_LABELS,
  CITATION_STYLES,
  type CitationStyle,
  type ExportFormat,
  type ExportOptions,
  localeOf,
  PAPER_SIZES,
  paperOf,
  REPORT_LOCALES,
  type PaperSize,
  type ReportLocale,
} from '../../../../shared/export';

const LOCALE_LABELS: Record<ReportLocale, string> = { 'en-US': 'English (US)', 'en-GB': 'English (UK)' };
const PAPER_LABELS: Record<PaperSize, string> = { a4: 'A4', letter: 'US Letter' };

export const FORMAT_LABELS: Record<ExportFormat, string> = {
  md: 'Markdown (Pandoc footnotes)',
  html: 'HTML (one self-contained file)',
  pdf: 'PDF',
  docx: 'Word (.docx)',
  zip: 'Evidence pack (.zip)',
};

interface Props {
  format: ExportFormat;
  options: ExportOptions;
  onFormat: (format: ExportFormat) => void;
  onOptions: (options: ExportOptions) => void;
}

export function ExportOptionsForm({ format, options, onFormat, onOptions }: Props) {
  const set = <K extends keyof ExportOptions>(key: K, value: ExportOptions[K]) => onOptions({ ...options, [key]: value });
  /** '' is "automatic": the key is left out, so the style (language) or the language (paper) decides. */
  const choose = (key: 'locale' | 'paper', value: string) => {
    const next: ExportOptions = { ...options };
    if (value) Object.assign(next, { [key]: value });
    else delete next[key];
    onOptions(next);
  };
  return (
    <fieldset className="export-options">
      <legend>Options</legend>
      <label>
        Format
        <select value={format} onChange={(e) => onFormat(e.target.value as ExportFormat)} name="format">
          {(Object.keys(FORMAT_LABELS) as ExportFormat[]).map((f) => (
            <option key={f} value={f}>
              {FORMAT_LABELS[f]}
            </option>
          ))}
        </select>
      </label>
      <label>
        Citation style
        <select value={options.style} onChange={(e) => set('style', e.target.value as CitationStyle)} name="style">
          {CITATION_STYLES.map((s) => (
            <option key={s} value={s}>
              {CITATION_STYLE_LABELS[s]}
            </option>
          ))}
        </select>
      </label>
      <label>
        Language
        <select value={options.locale ?? ''} onChange={(e) => choose('locale', e.target.value)} name="locale">
          <option value="">The style’s own ({LOCALE_LABELS[localeOf({ style: options.style })]})</option>
          {REPORT_LOCALES.map((l) => (
            <option key={l} value={l}>
              {LOCALE_LABELS[l]}
            </option>
          ))}
        </select>
      </label>
      <label>
        Paper (PDF, Word)
        <select value={options.paper ?? ''} onChange={(e) => choose('paper', e.target.value)} name="paper">
          <option value="">By language ({PAPER_LABELS[paperOf({ style: options.style, locale: options.locale })]})</option>
          {PAPER_SIZES.map((p) => (
            <option key={p} value={p}>
              {PAPER_LABELS[p]}
            </option>
          ))}
        </select>
      </label>
      <div role="radiogroup" aria-label="Notes placement" className="export-radio">
        <label>
          <input type="radio" name="notes" checked={options.notes === 'footnotes'} onChange={() => set('notes', 'footnotes')} /> Footnotes
        </label>
        <label>
          <input type="radio" name="notes" checked={options.notes === 'endnotes'} onChange={() => set('notes', 'endnotes')} /> Endnotes
        </label>
      </div>
      <label className="export-check-option">
        <input type="checkbox" checked={options.includeBibliography} onChange={(e) => set('includeBibliography', e.target.checked)} />{' '}
        Include bibliography
      </label>
      <label className="export-check-option">
        <input type="checkbox" checked={options.includeQuotes} onChange={(e) => set('includeQuotes', e.target.checked)} /> Quotes in notes
      </label>
    </fieldset>
  );
}
