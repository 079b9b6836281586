import { createContext, useCallback, useContext, useEffect, useMemo, useRef, useState, type ReactNode } from 'react';
import { DEFAULT_SETTINGS, type Settings, type SettingsView } from '../../../shared/settings';
import { api } from '../api';
import { useMediaQuery } from './useMediaQuery';

interface SettingsContextValue {
  settings: Settings;
  notebook: SettingsView['notebook'] | null;
  /** Whether the stored settings have arrived (the first paint uses the defaults). */
  loaded: boolean;
  /** Applies at once and saves in the notebook; a failed save is reported, the choice kept for this session. */
  update: (changes: Partial<Settings>) => void;
  error: string | null;
}

const SettingsContext = createContext<SettingsContextValue>({
  settings: DEFAULT_SETTINGS,
  notebook: null,
  loaded: false,
  update: () => undefined,
  error: null,
});

export const useSettings = () => useContext(SettingsContext);

/** Follows the operating system's light or dark choice, for the "system" theme. */
const useSystemDark = () => useMediaQuery('(prefers-color-scheme: dark)');

/** Theme and text size are attributes of <html>, so every stylesheet reads them as variables. */
function useDocumentAppearance(settings: Settings) {
  const systemDark = useSystemDark();
  const theme = settings.theme === 'system' ? (systemDark ? 'dark' : 'light') : settings.theme;
  useEffect(() => {
    const root = document.documentElement;
    root.dataset.theme = theme;
    root.style.colorScheme = theme;
    root.style.setProperty('--text-size', `${settings.fontSize}px`);
  }, [theme, settings.fontSize]);
}

export function SettingsProvider({ children }: { children: ReactNode }) {
  const [view, setView] = useState<SettingsView | null>(null);
  const [error, setError] = useState<string | null>(null);
  const pending = useRef(Promise.resolve());
  // Changes made before the notebook's settings have arrived (a quick click on a fresh page):
  // shown at once, and laid over what arrives, which may have been read before they were saved.
  const early = useRef<Partial<Settings>>({});
  const [earlyShown, setEarlyShown] = useState<Partial<Settings>>({});
  const settings = useMemo(() => view?.settings ?? { ...DEFAULT_SETTINGS, ...earlyShown }, [view, earlyShown]);
  useDocumentAppearance(settings);

  const arrived = useRef(false);

  useEffect(() => {
    api()
      .settings.get({})
      .then(
        (loaded) => {
          arrived.current = true;
          setView({ ...loaded, settings: { ...loaded.settings, ...early.current } });
        },
        (e: Error) => setError(e.message),
      );
  }, []);

  const update = useCallback((changes: Partial<Settings>) => {
    if (arrived.current) setView((v) => v && { ...v, settings: { ...v.settings, ...changes } });
    else {
      early.current = { ...early.current, ...changes };
      setEarlyShown(early.current);
    }
    // One save at a time, in order: two quick changes never land the wrong way round.
    pending.current = pending.current.then(() =>
      api()
        .settings.update(changes)
        .then(
          () => setError(null),
          (e: Error) => setError(`Your settings could not be saved: ${e.message}`),
        ),
    );
  }, []);

  const value = useMemo(
    () => ({ settings, notebook: view?.notebook ?? null, loaded: view !== null, update, error }),
    [settings, view, update, error],
  );
  return <SettingsContext.Provider value={value}>{children}</SettingsContext.Provider>;
}
