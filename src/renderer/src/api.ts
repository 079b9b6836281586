import type { Api } from '../../shared/contract';

declare global {
  interface Window {
    /** Provided by the Electron preload or the loopback shell's bridge; never by the renderer itself. */
    readonly api: Api;
  }
}

export function api(): Api {
  if (!window.api) throw new Error('Sourcebook could not reach its services (window.api is missing).');
  return window.api;
}
