#!/usr/bin/env bash
# Builds the native trainer backend (trainer/native: N-API addon on oneDNN) with
# node-gyp. Always exits 0: without oneDNN or a compiler the trainer still runs on
# its wasm backend, so a missing prerequisite is one line of advice, not a failure.
#   --if-stale  build only when the addon is missing or older than its sources
set -uo pipefail
cd "$(dirname "$0")/../trainer/native" || exit 0
addon=build/Release/sparring_native.node

if [ ! -e /usr/include/oneapi/dnnl/dnnl.hpp ]; then
  echo "native backend not built: oneDNN is missing; for full training speed run: apt-get install -y libdnnl-dev && npm run build:native"
  exit 0
fi

stale() {
  [ ! -e "$addon" ] && return 0
  [ -n "$(find binding.gyp src -newer "$addon" -print -quit)" ]
}

# node-gyp: npm's own (npm puts it in npm_config_node_gyp inside npm scripts), else
# the copy bundled with the npm next to this node, else whatever npx finds offline.
node_gyp=()
if [ -n "${npm_config_node_gyp:-}" ] && [ -e "${npm_config_node_gyp}" ]; then
  node_gyp=(node "$npm_config_node_gyp")
else
  bundled="$(npm root -g 2>/dev/null)/npm/node_modules/node-gyp/bin/node-gyp.js"
  if [ -e "$bundled" ]; then node_gyp=(node "$bundled"); else node_gyp=(npx --no-install node-gyp); fi
fi

# Build against the installed Node's headers: node-gyp would otherwise try to
# download them, and this machine may be offline.
nodedir="${npm_config_nodedir:-$(node -p 'require("path").resolve(process.execPath, "../..")')}"
nodedir_flag=()
[ -e "$nodedir/include/node/node_api.h" ] && nodedir_flag=(--nodedir="$nodedir")

# Concurrent test files may ask for a build at once: one builds, the others wait.
exec 9>"${TMPDIR:-/tmp}/sparring-native-build.lock"
flock 9 2>/dev/null || true
if [ "${1:-}" = "--if-stale" ] && ! stale; then exit 0; fi

# Build in a scratch copy and swap the finished addon in with a rename: a worker or test
# loading it meanwhile sees the old addon or the new one, never none or half of one.
log="$(mktemp "${TMPDIR:-/tmp}/sparring-native-build.XXXXXX.log")"
work="$(mktemp -d "${TMPDIR:-/tmp}/sparring-native-src.XXXXXX")"
cp -r binding.gyp src "$work"/
if (cd "$work" && "${node_gyp[@]}" rebuild "${nodedir_flag[@]}") >"$log" 2>&1; then
  mkdir -p build/Release
  cp "$work/$addon" "$addon.new.$$"
  mv -f "$addon.new.$$" "$addon"
  echo "native backend built: trainer/native/$addon"
  rm -f "$log"
else
  echo "native backend not built (node-gyp failed, log: $log); the trainer falls back to wasm"
fi
rm -rf "$work"
exit 0
