#!/usr/bin/env bash
# The official MCP conformance suite (@modelcontextprotocol/conformance 0.1.16) against `serve --http` (MCP
# Streamable HTTP at /mcp): the server scenarios server-initialize, ping, tools-list and dns-rebinding-protection
# must all pass. The others of its server suite test features `serve` does not offer (prompts, resources,
# logging, completion, sampling, elicitation, SSE streams) or need its own test tools (tools-call-*). Then what
# the suite does not send (it/lib/http-faults.mjs): /healthz, GET /mcp is 405, a body that is not JSON gets a
# JSON-RPC parse error.
# Usage: it/mcp-conformance.sh [SCENARIO...] (after mvn -B -q package -DskipTests); results in target/it/.
source "$(dirname "$0")/lib/common.sh"
SCENARIOS=("$@")
[ ${#SCENARIOS[@]} -gt 0 ] || SCENARIOS=(server-initialize ping tools-list dns-rebinding-protection)
start_stand_in
start_http

# scenario NAME: runs it; passes when the suite exits 0 and reports no failed check
scenario() {
  local dir=$OUT/$1
  (cd "$OUT" && timeout 120 conformance server --url "$MCP_URL" --scenario "$1" -o "$dir") || return 1
  # every check of the scenario, from its checks.json: none may be FAILURE
  node -e '
    const fs = require("fs"), path = require("path");
    const files = [];
    (function walk(d) { for (const f of fs.readdirSync(d)) { const p = path.join(d, f);
      if (fs.statSync(p).isDirectory()) walk(p); else if (f === "checks.json") files.push(p); } })(process.argv[1]);
    if (files.length === 0) { console.log("no checks.json"); process.exit(1); }
    const checks = files.flatMap(f => JSON.parse(fs.readFileSync(f, "utf8")));
    const bad = checks.filter(c => c.status !== "SUCCESS");
    if (checks.length === 0 || bad.length > 0) { console.log(JSON.stringify(bad, null, 2)); process.exit(1); }
  ' "$dir"
}

for name in "${SCENARIOS[@]}"; do
  check "conformance scenario $name" scenario "$name"
done
check "http: /healthz 200, GET /mcp 405, a body that is not JSON gets a parse error (-32700, id null)" \
  node it/lib/http-faults.mjs "http://127.0.0.1:$HTTP_PORT"
stop_http
finish
