#!/usr/bin/env bash
# Redocly's CLI (@redocly/cli 2.77.0, its default "recommended" rules) lints the gateway's OpenAPI 3.1 document
# and must exit 0: the one `serve --http` serves at /openapi.json and the one `openapi export` writes, each with
# and without a serve token (SPEC §11: `security` is always said, `security: []` when no token is required).
# Usage: it/openapi-lint.sh (after mvn -B -q package -DskipTests); the documents and reports go to target/it/.
source "$(dirname "$0")/lib/common.sh"
REDOCLY=$IT_TOOLS/node_modules/@redocly/cli/bin/cli.js
start_stand_in

lint() { # lint FILE: redocly lint with its default rules, run by Node 22
  (cd "$OUT" && "$IT_NODE" "$REDOCLY" lint "$1")
}
fetch() { # fetch URL FILE [TOKEN]: GET the URL into FILE, 200 expected
  node -e '
    const [url, file, token] = process.argv.slice(1);
    fetch(url, { headers: token ? { Authorization: "Bearer " + token } : {} }).then(async r => {
      const body = await r.text();
      if (r.status !== 200) { console.log(r.status + " " + body); process.exit(1); }
      require("fs").writeFileSync(file, body);
    }).catch(e => { console.log(String(e)); process.exit(1); });
  ' "$@"
}

start_http
check "GET /openapi.json (no serve token)" fetch "http://127.0.0.1:$HTTP_PORT/openapi.json" "$OUT/served.json"
check "redocly lint: the served document, no serve token" lint "$OUT/served.json"
check "the served document says security: [] and names the server" json_check "$OUT/served.json" '
  if (JSON.stringify(r.security) !== "[]") return "security is " + JSON.stringify(r.security);
  if (r.openapi !== "3.1.0") return "openapi is " + r.openapi;
  if (!r.paths["/actions/list-contacts"]) return "no /actions/list-contacts";
  if (r.servers[0].url !== "http://127.0.0.1:'"$HTTP_PORT"'") return "servers: " + JSON.stringify(r.servers);'
stop_http

TOKEN=it-serve-token-$RANDOM$RANDOM$RANDOM
CONNECTOR_RUNTIME_SERVE_TOKEN=$TOKEN start_http
check "GET /openapi.json with the serve token" fetch "http://127.0.0.1:$HTTP_PORT/openapi.json" "$OUT/served-token.json" "$TOKEN"
check "redocly lint: the served document, serve token required" lint "$OUT/served-token.json"
check "the served document requires the bearer serve token and holds no token" json_check "$OUT/served-token.json" '
  if (JSON.stringify(r.security) !== "[{\"serveToken\":[]}]") return "security is " + JSON.stringify(r.security);
  if (r.components.securitySchemes.serveToken.scheme !== "bearer") return "no bearer scheme";
  if (JSON.stringify(r).includes("'"$TOKEN"'")) return "the token is in the document";'
stop_http

check "openapi export (no serve token)" "$JAVA" -jar "$JAR" openapi export "$OUT/exported.json" --dir "$WS" \
  --server https://connectors.internal.example.org
check "redocly lint: the exported document, no serve token" lint "$OUT/exported.json"
check "openapi export --token-required" "$JAVA" -jar "$JAR" openapi export "$OUT/exported-token.json" --dir "$WS" \
  --server https://connectors.internal.example.org --token-required
check "redocly lint: the exported document, serve token required" lint "$OUT/exported-token.json"
finish
