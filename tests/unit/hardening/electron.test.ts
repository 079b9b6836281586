import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { getCurrentFuseWire } from '@electron/fuses';
import { APP_ENTRY, appFile, isOwnUrl, requestAllowed } from '../../../src/main/electron/policy';
import { tempDir } from '../helpers';
// @ts-expect-error -- a plain .mjs script without type declarations
import { applyFuses } from '../../../scripts/electron-fuses.mjs';

/**
 * Electron's binary is absent here (no window can open), so the desktop shell's rules are tested
 * where they live apart from Electron, and the fuses on a stand-in binary: the sentinel Electron
 * compiles in, followed by the fuse wire, as @electron/fuses reads it.
 */
describe('the desktop window', () => {
  it('loads the app from its own scheme and serves only files of the built renderer', () => {
    const root = '/opt/sourcebook/renderer';
    expect(isOwnUrl(APP_ENTRY)).toBe(true);
    expect(appFile(root, APP_ENTRY)).toBe(path.join(root, 'index.html'));
    expect(appFile(root, 'app://sourcebook/assets/index.js')).toBe(path.join(root, 'assets/index.js'));
    for (const escape of [
      'app://sourcebook/%2e%2e/%2e%2e/etc/passwd',
      'app://sourcebook/..%2F..%2Fetc%2Fpasswd',
      'app://sourcebook/a/../../x',
    ]) {
      const file = appFile(root, escape);
      expect(file === null || file.startsWith(root + path.sep), `${escape} → ${file}`).toBe(true);
    }
    for (const foreign of ['app://other/index.html', 'file:///etc/passwd', 'https://example.org/'])
      expect(appFile(root, foreign)).toBeNull();
    expect(isOwnUrl('file:///opt/sourcebook/renderer/index.html')).toBe(false);
  });

  it('lets no request leave the app: only its files, data:, blob: and the developer tools', () => {
    for (const allowed of [APP_ENTRY, 'data:text/html,x', 'blob:app://sourcebook/1', 'devtools://devtools/bundled/x.html'])
      expect(requestAllowed(allowed), allowed).toBe(true);
    for (const refused of [
      'https://redirector.gvt1.com/edgedl/chrome/dict/en-us-10-1.bdic',
      'http://127.0.0.1:8080/',
      'file:///etc/passwd',
      'ws://localhost/',
      'app://other/x',
    ])
      expect(requestAllowed(refused), refused).toBe(false);
  });

  it('sets the fuses: no RunAsNode, cookies encrypted, and only the app archive where packaged', async () => {
    const wireLength = 9;
    const fake = Buffer.concat([
      Buffer.alloc(4096, 0x90),
      Buffer.from('dL7pKGdnNz796PbbjQWNKmHXBZaB9tsX'),
      Buffer.from([1, wireLength]),
      Buffer.from('101000011'),
      Buffer.alloc(4096, 0x90),
    ]);
    for (const packaged of [false, true]) {
      const binary = path.join(tempDir('sourcebook-fuses-'), 'electron');
      fs.writeFileSync(binary, fake);
      await applyFuses(binary, { packaged });
      const wire = (await getCurrentFuseWire(binary)) as unknown as Record<number, number>;
      const on = (i: number) => wire[i] === 49;
      expect(on(0), 'RunAsNode').toBe(false);
      expect(on(1), 'EnableCookieEncryption').toBe(true);
      expect(on(2), 'EnableNodeOptionsEnvironmentVariable').toBe(false);
      expect(on(3), 'EnableNodeCliInspectArguments').toBe(false);
      expect(on(5), 'OnlyLoadAppFromAsar').toBe(packaged);
      expect(on(7), 'GrantFileProtocolExtraPrivileges').toBe(false);
    }
  });
});
