import fs from 'node:fs';

/**
 * Every Chromium the project starts (the loopback shell's window, PDF export, the end-to-end
 * tests, benchmarks and screenshot scripts) is started with these flags, from this one module.
 * Two layers, because Chromium's own switches are not enough on their own:
 * - switches that stop the background services (updates, sync, metrics, safe browsing, hints);
 * - a host-resolver rule that answers every name but loopback with "not found", so nothing is
 *   ever looked up in DNS, and a proxy on a closed loopback port for anything that still tries to
 *   connect out. Loopback bypasses the proxy, so the app itself is unaffected.
 */
const BACKGROUND_OFF = [
  '--no-first-run',
  '--no-default-browser-check',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
  '--disable-extensions',
  '--disable-default-apps',
  '--disable-domain-reliability',
  '--disable-client-side-phishing-detection',
  '--disable-breakpad',
  '--metrics-recording-only',
  '--no-pings',
  '--password-store=basic',
  '--use-mock-keychain',
  '--disable-features=' +
    [
      'OptimizationHints',
      'OptimizationHintsFetching',
      'MediaRouter',
      'DialMediaRouteProvider',
      'Translate',
      'AutofillServerCommunication',
      'CertificateTransparencyComponentUpdater',
      'NetworkTimeServiceQuerying',
      'SafeBrowsingEnhancedProtection',
      'InterestFeedContentSuggestions',
      'PrivacySandboxSettings4',
      'SpareRendererForSitePerProcess',
    ].join(','),
];

/** Only loopback names resolve; everything else fails at once without touching DNS. */
export const HOST_RESOLVER_RULES = 'MAP * ~NOTFOUND, EXCLUDE localhost, EXCLUDE *.localhost, EXCLUDE 127.0.0.1, EXCLUDE [::1]';
/** A port nothing listens on: a connection that somehow gets past the resolver is refused locally. */
export const CLOSED_PROXY = 'http://127.0.0.1:9';

export const OFFLINE_CHROMIUM_ARGS: readonly string[] = [
  ...BACKGROUND_OFF,
  `--host-resolver-rules=${HOST_RESOLVER_RULES}`,
  `--proxy-server=${CLOSED_PROXY}`,
  '--proxy-bypass-list=localhost;*.localhost;127.0.0.1;[::1]',
];

/** Chromium refuses its sandbox as root (CI containers); elsewhere the sandbox stays on. */
export const rootSandboxArgs = (): string[] => (process.getuid?.() === 0 ? ['--no-sandbox'] : []);

const BROWSERS = [
  '/usr/bin/chromium',
  '/usr/bin/chromium-browser',
  '/usr/bin/google-chrome',
  '/usr/bin/google-chrome-stable',
  '/Applications/Google Chrome.app/Contents/MacOS/Google Chrome',
];

/** The system Chromium or Chrome: $SOURCEBOOK_BROWSER (or $SOURCEBOOK_CHROMIUM) first. */
export function findChromium(): string | undefined {
  return [process.env.SOURCEBOOK_BROWSER, process.env.SOURCEBOOK_CHROMIUM, ...BROWSERS].find((p): p is string => !!p && fs.existsSync(p));
}
