# Sourced by the start-up benchmarks: starts bench/BenchServer (a loopback stand-in for Salesforce, stopped when
# the script exits) and writes a workspace with the seed connector and action pointed at it.
# Needs OUT (a folder), JAVA and JAVAC; sets PORT and WS, and exports the SALESFORCE_* variables. STAND_IN_OPTS
# adds JVM flags to the stand-in (bench/mcp.sh: -Dsun.net.httpserver.nodelay=true).
stand_in() { # usage: stand_in WORKSPACE_DIR [MORE_SOURCES...]
  WS=$1; shift
  "$JAVAC" -nowarn --release 17 -d "$OUT/classes" bench/BenchServer.java "$@"
  # shellcheck disable=SC2086  # a list of flags
  "$JAVA" ${STAND_IN_OPTS:-} -cp "$OUT/classes" BenchServer > "$OUT/server.port" &
  SERVER=$!
  trap 'kill $SERVER 2>/dev/null || true' EXIT
  for _ in $(seq 1 50); do [ -s "$OUT/server.port" ] && break; sleep 0.1; done
  PORT=$(cat "$OUT/server.port")
  rm -rf "$WS" && mkdir -p "$WS/connectors" "$WS/actions"
  sed 's#token_url: https://#token_url: http://#' connectors/salesforce.yaml > "$WS/connectors/salesforce.yaml"
  cp actions/list-contacts.yaml "$WS/actions/"
  export SALESFORCE_LOGIN_HOST="127.0.0.1:$PORT" SALESFORCE_CONSUMER_KEY=bench-key
  export SALESFORCE_CONSUMER_SECRET=bench-secret SALESFORCE_USERNAME=bench@example.com
  export SALESFORCE_PASSWORD=bench-password SALESFORCE_SECURITY_TOKEN=bench-token
}
