#!/usr/bin/env bash
# Sets up Sourcebook on a bare machine: system packages, npm dependencies, the built app.
#   bash scripts/setup.sh          what the tests need
#   bash scripts/setup.sh --app    also tries to fetch Electron and build its SQLite addon
set -euo pipefail
cd "$(dirname "$0")/.."

want_app=false
[ "${1:-}" = "--app" ] && want_app=true

# Chromium serves the loopback shell and the end-to-end tests; pandoc, poppler and LibreOffice
# (Writer without a GUI) check exports as their readers would open them.
missing=()
[ -x /usr/bin/chromium ] || command -v chromium >/dev/null 2>&1 || command -v google-chrome >/dev/null 2>&1 || missing+=(chromium)
command -v pandoc >/dev/null 2>&1 || missing+=(pandoc)
command -v pdftotext >/dev/null 2>&1 || missing+=(poppler-utils)
command -v libreoffice >/dev/null 2>&1 || missing+=(libreoffice-writer-nogui)
if [ ${#missing[@]} -gt 0 ]; then
  if [ "$(id -u)" = 0 ] && command -v apt-get >/dev/null 2>&1; then
    echo "setup: installing ${missing[*]}"
    apt-get update -qq
    DEBIAN_FRONTEND=noninteractive apt-get install -y -qq --no-install-recommends "${missing[@]}" >/dev/null
  elif command -v sudo >/dev/null 2>&1 && command -v apt-get >/dev/null 2>&1; then
    sudo apt-get update -qq && sudo DEBIAN_FRONTEND=noninteractive apt-get install -y -qq "${missing[@]}" >/dev/null
  else
    echo "setup: please install ${missing[*]} (Chromium or Chrome is needed where Electron is missing)" >&2
  fi
fi

# Electron's binary comes from a download host, not the npm registry: install without it, so an
# offline machine still installs, then fetch it separately below where the network allows.
stamp=node_modules/.sourcebook-lock-sha
lock_sha=$(sha256sum package-lock.json | cut -d' ' -f1)
if [ ! -f "$stamp" ] || [ "$(cat "$stamp")" != "$lock_sha" ]; then
  echo "setup: npm ci"
  # better-sqlite3 builds from source where its prebuilt download is unreachable; point it at Node's headers.
  if [ -z "${npm_config_nodedir:-}" ] && [ -f /usr/include/node/node.h ]; then export npm_config_nodedir=/usr; fi
  started=$SECONDS
  ELECTRON_SKIP_BINARY_DOWNLOAD=1 npm ci --no-audit --no-fund --loglevel=error
  echo "$lock_sha" > "$stamp"
  echo "setup: npm ci took $((SECONDS - started)) s"
fi

if $want_app && [ ! -f node_modules/electron/path.txt ]; then
  echo "setup: fetching the Electron binary (skipped quietly where its host is unreachable)"
  timeout 180 node node_modules/electron/install.js >/dev/null 2>&1 || echo "setup: no Electron binary; Sourcebook will open in Chromium/Chrome instead"
fi
if $want_app && [ -f node_modules/electron/path.txt ] && [ ! -f native/electron/better_sqlite3.node ]; then
  npm run --silent rebuild:electron || echo "setup: could not build SQLite for Electron; Sourcebook will open in Chromium/Chrome instead"
fi

echo "setup: building the app"
npm run build --silent >/dev/null
echo "setup: done in ${SECONDS} s"
