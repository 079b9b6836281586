import {
  CITATION_STYLE_LABELS,
  CITATION_STYLES,
  type CitationStyle,
  type ExportFormat,
  type ExportOptions,
} from '../../../../shared/export';

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
