// Sets Electron's fuses (switches compiled into the binary) for a Sourcebook build:
//   node scripts/electron-fuses.mjs <path to the electron binary or the packaged app> [--packaged]
// Run it on the binary you ship, after packaging (npm run fuses -- …). Fuses cannot be changed by
// the app at run time, so a fused binary cannot be turned into a plain Node.js by an environment
// variable or a command-line switch.
import { flipFuses, FuseV1Options, FuseVersion, getCurrentFuseWire } from '@electron/fuses';
import { pathToFileURL } from 'node:url';

/** The fuses Sourcebook wants; `packaged` adds those that need the app inside an integrity-checked app.asar. */
export function sourcebookFuses({ packaged }) {
  return {
    version: FuseVersion.V1,
    // ELECTRON_RUN_AS_NODE would turn the app's binary into a plain Node.js for whoever sets it.
    [FuseV1Options.RunAsNode]: false,
    // Cookies and other session data encrypted at rest with the OS keychain.
    [FuseV1Options.EnableCookieEncryption]: true,
    [FuseV1Options.EnableNodeOptionsEnvironmentVariable]: false,
    [FuseV1Options.EnableNodeCliInspectArguments]: false,
    // The app loads from app://sourcebook/, so file: pages get no extra privileges.
    [FuseV1Options.GrantFileProtocolExtraPrivileges]: false,
    ...(packaged ? { [FuseV1Options.OnlyLoadAppFromAsar]: true, [FuseV1Options.EnableEmbeddedAsarIntegrityValidation]: true } : {}),
  };
}

export async function applyFuses(binary, { packaged }) {
  await flipFuses(binary, sourcebookFuses({ packaged }));
  return getCurrentFuseWire(binary);
}

if (import.meta.url === pathToFileURL(process.argv[1] ?? '').href) {
  const [binary, ...flags] = process.argv.slice(2);
  if (!binary) {
    console.error('Usage: node scripts/electron-fuses.mjs <electron binary or packaged app> [--packaged]');
    process.exit(2);
  }
  const wire = await applyFuses(binary, { packaged: flags.includes('--packaged') });
  for (const [index, state] of Object.entries(wire)) {
    if (index === 'version' || index === 'resetAdHocDarwinSignature' || index === 'strictlyRequireAllFuses') continue;
    console.log(`${FuseV1Options[Number(index)] ?? index}: ${state === 49 ? 'on' : state === 48 ? 'off' : state}`);
  }
}
