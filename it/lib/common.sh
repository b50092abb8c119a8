# Sourced by the it/*.sh checks: the repository root as the working directory, Node 22 and the MCP tools on the
# PATH (it/setup-node.sh), PASS/FAIL bookkeeping, the loopback Salesforce stand-in (bench/stand-in.sh), `serve
# --http` on a free loopback port, and a trap that stops every process started here when the script exits.
# Needs target/runtime.jar (mvn -B -q package -DskipTests); builds nothing. Scratch files go to target/it/NAME.
set -euo pipefail
cd "$(dirname "${BASH_SOURCE[0]}")/../.."
IT_NAME=$(basename "$0" .sh)
JAR=target/runtime.jar
[ -f "$JAR" ] || { echo "FAIL $IT_NAME: $JAR not found; build it first: mvn -B -q package -DskipTests" >&2; exit 2; }
JAVA=${JAVA_HOME:+$JAVA_HOME/bin/}java
JAVAC=${JAVA_HOME:+$JAVA_HOME/bin/}javac
OUT=$PWD/target/it/$IT_NAME
rm -rf "$OUT" && mkdir -p "$OUT/classes"
export CONNECTOR_RUNTIME_CACHE_DIR=$OUT/cache   # token cache and bin/runtime's class-data archives: this run's own
source it/setup-node.sh
FAILED=0
PIDS=()

it_cleanup() {
  local pid
  for pid in "${PIDS[@]}" ${SERVER:+"$SERVER"}; do kill "$pid" 2>/dev/null || true; done
  for pid in "${PIDS[@]}" ${SERVER:+"$SERVER"}; do wait "$pid" 2>/dev/null || true; done
}
trap it_cleanup EXIT

pass() { echo "PASS $IT_NAME: $*"; }
fail() { echo "FAIL $IT_NAME: $*"; FAILED=$((FAILED + 1)); }
# check DESCRIPTION COMMAND...: PASS when the command succeeds, else FAIL with its output
check() {
  local what=$1; shift
  if "$@" > "$OUT/check.log" 2>&1; then pass "$what"; else fail "$what"; sed 's/^/    /' "$OUT/check.log"; fi
}
# the script's exit status: 1 when any check failed
finish() {
  if [ "$FAILED" -gt 0 ]; then echo "FAIL $IT_NAME: $FAILED check(s) failed"; exit 1; fi
  echo "PASS $IT_NAME: all checks passed"
}

# start_stand_in: the Salesforce stand-in on a free loopback port, a workspace at $WS pointed at it, the
# SALESFORCE_* secrets exported (bench/stand-in.sh); its process is $SERVER, stopped by it_cleanup
start_stand_in() {
  source bench/stand-in.sh
  stand_in "$OUT/workspace"
  trap it_cleanup EXIT   # stand_in sets its own trap; ours stops the stand-in too
}

# start_http [SERVE OPTIONS...]: `serve --http 127.0.0.1:0` on the workspace (the system picks a free port);
# sets HTTP_PID, HTTP_PORT and MCP_URL once the server says where it listens (stderr in $OUT/http-N.err)
HTTP_N=0
start_http() {
  HTTP_N=$((HTTP_N + 1))
  local err=$OUT/http-$HTTP_N.err line
  "$JAVA" -jar "$JAR" serve --http 127.0.0.1:0 --dir "$WS" "$@" < /dev/null > "$OUT/http-$HTTP_N.out" 2> "$err" &
  HTTP_PID=$!
  PIDS+=("$HTTP_PID")
  HTTP_PORT=
  for _ in $(seq 1 200); do
    line=$(grep -m1 -o 'serving [0-9]* tools on http://127\.0\.0\.1:[0-9]*' "$err" || true)
    if [ -n "$line" ]; then HTTP_PORT=${line##*:}; break; fi
    kill -0 "$HTTP_PID" 2>/dev/null || break
    sleep 0.1
  done
  if [ -z "$HTTP_PORT" ]; then
    echo "FAIL $IT_NAME: serve --http did not start; its stderr:" >&2
    sed 's/^/    /' "$err" >&2
    exit 1
  fi
  MCP_URL=http://127.0.0.1:$HTTP_PORT/mcp
}

# stop_http: SIGTERM to the last started server; it must exit 0 within 15 s (SPEC §11: 10 s grace period)
stop_http() {
  local status=0
  kill -TERM "$HTTP_PID"
  for _ in $(seq 1 150); do kill -0 "$HTTP_PID" 2>/dev/null || break; sleep 0.1; done
  if kill -0 "$HTTP_PID" 2>/dev/null; then
    kill -KILL "$HTTP_PID"; fail "serve --http exits within 15 s of SIGTERM"; return
  fi
  wait "$HTTP_PID" || status=$?
  if [ "$status" = 0 ]; then pass "serve --http exits 0 on SIGTERM"; else fail "serve --http exits 0 on SIGTERM (got $status)"; fi
}

# json_check FILE JS: JS is the body of a function of `r` (FILE parsed as JSON) that throws or returns a string
# naming what is wrong, or returns nothing when all is well
json_check() {
  node -e '
    const fs = require("fs");
    const text = fs.readFileSync(process.argv[1], "utf8");
    let r;
    try { r = JSON.parse(text); } catch (e) { console.log("not JSON: " + text.slice(0, 2000)); process.exit(1); }
    const problem = new Function("r", process.argv[2])(r);
    if (problem) { console.log(problem); console.log(JSON.stringify(r, null, 2).slice(0, 4000)); process.exit(1); }
  ' "$1" "$2"
}
