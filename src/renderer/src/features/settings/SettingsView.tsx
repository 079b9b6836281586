import { CITATION_STYLE_LABELS, CITATION_STYLES, type CitationStyle } from '../../../../shared/export';
import { FONT_SIZES, THEMES, type Theme } from '../../../../shared/settings';
import { useSettings } from '../../app/settings';
import { useFirstRun } from '../workspace/FirstRun';

const THEME_LABELS: Record<Theme, string> = { system: 'Follow the system', light: 'Light', dark: 'Dark' };

/** #/settings: how Sourcebook looks and starts, kept in the notebook itself. */
export function SettingsView() {
  const { settings, notebook, update, error } = useSettings();
  const { done } = useFirstRun();
  return (
    <section className="settings-view" aria-labelledby="settings-title">
      <header className="view-header">
        <h1 id="settings-title">Settings</h1>
      </header>
      {error && (
        <p className="error" role="alert">
          {error}
        </p>
      )}
      <fieldset>
        <legend>Appearance</legend>
        <div className="choice-row" role="radiogroup" aria-label="Theme">
          {THEMES.map((theme) => (
            <label key={theme}>
              <input type="radio" name="theme" value={theme} checked={settings.theme === theme} onChange={() => update({ theme })} />{' '}
              {THEME_LABELS[theme]}
            </label>
          ))}
        </div>
        <label className="field">
          Text size for reading and writing
          <select value={settings.fontSize} onChange={(e) => update({ fontSize: Number(e.target.value) })}>
            {FONT_SIZES.map((size) => (
              <option key={size} value={size}>
                {size} px{size === 16 ? ' (standard)' : ''}
              </option>
            ))}
          </select>
        </label>
      </fieldset>
      <fieldset>
        <legend>Writing</legend>
        <label className="field">
          Citation style new exports start with
          <select value={settings.citationStyle} onChange={(e) => update({ citationStyle: e.target.value as CitationStyle })}>
            {CITATION_STYLES.map((style) => (
              <option key={style} value={style}>
                {CITATION_STYLE_LABELS[style]}
              </option>
            ))}
          </select>
        </label>
        <p className="status">
          {settings.firstRun.dismissed
            ? 'The getting-started guide is hidden.'
            : done.length >= 3
              ? 'You have done the three getting-started steps.'
              : `The getting-started guide is showing (${done.length} of 3 steps done).`}{' '}
          <button type="button" className="link-button" onClick={() => update({ firstRun: { done: [], dismissed: false } })}>
            Show it again from the start
          </button>
        </p>
      </fieldset>
      <fieldset>
        <legend>Where your notebook lives</legend>
        <p>Everything you read, write and import is kept in one folder on this computer; nothing ever leaves it.</p>
        <dl className="notebook-place">
          <div>
            <dt>Folder</dt>
            <dd>
              <code>{notebook?.folder ?? '…'}</code>
            </dd>
          </div>
          <div>
            <dt>Database</dt>
            <dd>
              <code>{notebook?.file ?? '…'}</code>
            </dd>
          </div>
        </dl>
        <p className="status">
          A backup is made each day you use it (the last 7 are kept in its <code>backups</code> folder); <code>sourcebook backup</code>{' '}
          makes one now and <code>sourcebook restore latest</code> puts the newest back. To use another folder, start Sourcebook with{' '}
          <code>--data-dir FOLDER</code>.
        </p>
      </fieldset>
    </section>
  );
}
