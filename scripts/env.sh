# Source this (`. scripts/env.sh`) to get what Goalpost needs on a fresh Debian/Ubuntu machine:
# Node >= 22 first on PATH (the npm registry's node@22 package in a cache folder, when the
# system Node is older), a Chromium for the demo, audits and end-to-end tests, and Firefox ESR
# for the Firefox end-to-end tests.
# Idempotent and quiet when everything is already there.

goalpost_cache="${GOALPOST_CACHE:-$HOME/.cache/goalpost}"

# Registries reached through a TLS-inspecting proxy need the system CA bundle, which Node does
# not read by default.
if [ -z "${NODE_EXTRA_CA_CERTS:-}" ] && [ -f /etc/ssl/certs/ca-certificates.crt ]; then
  export NODE_EXTRA_CA_CERTS=/etc/ssl/certs/ca-certificates.crt
fi

goalpost_node_major() { node -p 'process.versions.node.split(".")[0]' 2>/dev/null || echo 0; }

if [ "$(goalpost_node_major)" -lt 22 ]; then
  if [ ! -x "$goalpost_cache/node/node_modules/.bin/node" ]; then
    echo "goalpost: system Node is $(node --version 2>/dev/null || echo missing); fetching node@22 from the npm registry into $goalpost_cache/node" >&2
    mkdir -p "$goalpost_cache/node"
    npm install --silent --no-save --prefix "$goalpost_cache/node" node@22 >&2
  fi
  export PATH="$goalpost_cache/node/node_modules/.bin:$PATH"
fi

goalpost_find_chromium() {
  for c in "${GOALPOST_CHROMIUM:-}" /usr/bin/chromium /usr/bin/chromium-browser /usr/bin/google-chrome /usr/bin/google-chrome-stable; do
    if [ -n "$c" ] && [ -x "$c" ]; then echo "$c"; return 0; fi
  done
  return 1
}

if ! goalpost_find_chromium >/dev/null; then
  if [ "$(id -u)" = 0 ] && command -v apt-get >/dev/null; then
    echo "goalpost: no Chromium found; installing Debian's chromium with apt" >&2
    (apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq chromium) >/dev/null 2>&1 \
      || echo "goalpost: apt could not install chromium; the demo, audits and e2e tests need one (set GOALPOST_CHROMIUM)" >&2
  else
    echo "goalpost: no Chromium found; install one (e.g. 'sudo apt-get install chromium') or set GOALPOST_CHROMIUM" >&2
  fi
fi

# Japanese panels (demo or audit with --lang ja) draw boxes without a Japanese font; IPA Gothic is small.
if command -v fc-list >/dev/null && [ -z "$(fc-list :lang=ja 2>/dev/null | head -n 1)" ] && [ "$(id -u)" = 0 ] && command -v apt-get >/dev/null; then
  (apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq fonts-ipafont-gothic) >/dev/null 2>&1 \
    || echo "goalpost: apt could not install fonts-ipafont-gothic; Japanese panel screenshots will show boxes" >&2
fi

goalpost_find_firefox() {
  for c in "${GOALPOST_FIREFOX:-}" /usr/bin/firefox-esr /usr/bin/firefox; do
    if [ -n "$c" ] && [ -x "$c" ]; then echo "$c"; return 0; fi
  done
  return 1
}

if ! goalpost_find_firefox >/dev/null; then
  if [ "$(id -u)" = 0 ] && command -v apt-get >/dev/null; then
    echo "goalpost: no Firefox found; installing Debian's firefox-esr with apt (for the Firefox tests)" >&2
    (apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq firefox-esr) >/dev/null 2>&1 \
      || echo "goalpost: apt could not install firefox-esr; the Firefox end-to-end tests need one (set GOALPOST_FIREFOX)" >&2
  else
    echo "goalpost: no Firefox found; the Firefox end-to-end tests need one (e.g. 'sudo apt-get install firefox-esr', or set GOALPOST_FIREFOX)" >&2
  fi
fi
