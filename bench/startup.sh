#!/usr/bin/env bash
# Start-up benchmark (issue 7): `run list-contacts` against a loopback stand-in for Salesforce, interleaved with
# the JVM floor (a hello world) and curl doing the same two requests, on this machine, in one run.
# Usage: mvn -B -q package -DskipTests && bench/startup.sh [RUNS] [REPORT]
#   RUNS: runs of each (default 10); REPORT: where to write the results (default docs/performance.md), printed too.
#   JAVA_HOME=/path/to/jdk picks another JDK, for this script and bin/runtime alike.
set -euo pipefail
cd "$(dirname "$0")/.."
RUNS=${1:-10}
REPORT=${2:-docs/performance.md}
JAR=target/runtime.jar
[ -f "$JAR" ] || { echo "build first: mvn -B -q package -DskipTests" >&2; exit 2; }
OUT=bench/out
mkdir -p "$OUT/classes"
JAVA=${JAVA_HOME:+$JAVA_HOME/bin/}java   # JAVA_HOME picks the JDK, for this script and bin/runtime alike
JAVAC=${JAVA_HOME:+$JAVA_HOME/bin/}javac
source bench/stand-in.sh
stand_in "$OUT/startup-workspace" bench/Hello.java
WARM="$OUT/cache-warm"; COLD="$OUT/cache-cold"
rm -rf "$WARM"
CONNECTOR_RUNTIME_CACHE_DIR="$WARM" "$JAVA" -jar "$JAR" run list-contacts --dir "$WS" > "$OUT/expected.json"
grep -q "Ada Lovelace" "$OUT/expected.json" || { echo "the runtime did not print the contacts" >&2; exit 1; }

LAUNCHER=""
if [ -x bin/runtime ]; then
  LAUNCHER=bin/runtime
  for _ in 1 2; do   # the second run writes the class-data archive (a sandbox run has its own)
    CONNECTOR_RUNTIME_CACHE_DIR="$WARM" bin/runtime run list-contacts --dir "$WS" > /dev/null
    CONNECTOR_RUNTIME_CACHE_DIR="$WARM" bin/runtime run list-contacts --sandbox > /dev/null
  done
fi

curl_two() {
  curl -s -o /dev/null -X POST "http://127.0.0.1:$PORT/services/oauth2/token" \
    --data-urlencode grant_type=password --data-urlencode client_id=bench-key \
    --data-urlencode client_secret=bench-secret --data-urlencode username=bench@example.com \
    --data-urlencode password=bench-passwordbench-token
  curl -s -o /dev/null -H "Authorization: Bearer x" \
    "http://127.0.0.1:$PORT/services/data/v58.0/query?q=SELECT%20Name%20FROM%20Contact%20LIMIT%2010"
}

# HTTPie, the same two requests as curl
httpie_two() {
  http --ignore-stdin -b --check-status --form POST "http://127.0.0.1:$PORT/services/oauth2/token" \
    grant_type=password client_id=bench-key client_secret=bench-secret username=bench@example.com \
    password=bench-passwordbench-token > /dev/null
  http --ignore-stdin -b --check-status GET "http://127.0.0.1:$PORT/services/data/v58.0/query" \
    "q==SELECT Name FROM Contact LIMIT 10" "Authorization:Bearer x" > /dev/null
}

# Newman: a Postman collection with the token request (its test script keeps the token) and the query
newman_two() {
  newman run bench/newman-collection.json --global-var "login=http://127.0.0.1:$PORT" --reporters cli > /dev/null
}

NEWMAN=""; HTTPIE=""
command -v newman > /dev/null && newman_two && NEWMAN=1
command -v http > /dev/null && httpie_two && HTTPIE=1

# one timed run: appends "seconds kilobytes" to the file named by $1
measure() {
  local file=$1; shift
  /usr/bin/time -f "%e %M" -o "$OUT/time.tmp" "$@" > /dev/null 2> "$OUT/stderr.tmp" || { cat "$OUT/stderr.tmp" >&2; exit 1; }
  cat "$OUT/time.tmp" >> "$file"
}
export -f curl_two httpie_two newman_two
export PORT
rm -f "$OUT"/t-*.txt
for _ in $(seq 1 "$RUNS"); do
  measure "$OUT/t-a.txt" env CONNECTOR_RUNTIME_CACHE_DIR="$WARM" "$JAVA" -jar "$JAR" run list-contacts --dir "$WS"
  rm -rf "$COLD/tokens"
  measure "$OUT/t-b.txt" env CONNECTOR_RUNTIME_CACHE_DIR="$COLD" "$JAVA" -jar "$JAR" run list-contacts --dir "$WS"
  measure "$OUT/t-c.txt" "$JAVA" -jar "$JAR" validate
  measure "$OUT/t-d.txt" "$JAVA" -cp "$OUT/classes" Hello
  measure "$OUT/t-e.txt" bash -c curl_two
  if [ -n "$LAUNCHER" ]; then
    measure "$OUT/t-f.txt" env CONNECTOR_RUNTIME_CACHE_DIR="$WARM" "$LAUNCHER" run list-contacts --dir "$WS"
  fi
  [ -n "$LAUNCHER" ] && measure "$OUT/t-g.txt" env CONNECTOR_RUNTIME_CACHE_DIR="$WARM" "$LAUNCHER" run list-contacts --sandbox
  [ -n "$NEWMAN" ] && measure "$OUT/t-h.txt" bash -c newman_two
  [ -n "$HTTPIE" ] && measure "$OUT/t-i.txt" bash -c httpie_two
done

# classes loaded by one warm run (JDK classes from the default CDS archive included)
classes() {
  env CONNECTOR_RUNTIME_CACHE_DIR="$WARM" "$@" run list-contacts --dir "$WS" > /dev/null
  grep -c . "$OUT/classes.log"
}
CLASSES_A=$(classes "$JAVA" "-Xlog:class+load:file=$OUT/classes.log" -jar "$JAR")
CLASSES_APP=$(grep -c 'source: file:' "$OUT/classes.log" || true)

stat() { # median ms, min ms, max ms, median peak RSS in MB
  local t m
  t=$(awk '{print int($1 * 1000)}' "$1" | sort -n | awk '{a[NR]=$1} END {med=(NR%2 ? a[(NR+1)/2] : int((a[NR/2]+a[NR/2+1])/2)); print med, a[1], a[NR]}')
  m=$(awk '{print $2}' "$1" | sort -n | awk '{a[NR]=$1} END {printf "%.0f", (NR%2 ? a[(NR+1)/2] : (a[NR/2]+a[NR/2+1])/2) / 1024}')
  echo "$t $m"
}
row() { read -r med min max rss < <(stat "$2"); printf '| %s | %d ms | %d–%d ms | %s MB |\n' "$1" "$med" "$min" "$max" "$rss"; }
med() { stat "$1" | cut -d' ' -f1; }
ratio() { awk -v a="$(med "$1")" -v b="$(med "$2")" 'BEGIN { printf "%.1f×", a / (b > 0 ? b : 1) }'; }

cpu=$(grep -m1 'model name' /proc/cpuinfo | cut -d: -f2 | sed 's/^ *//')
{
  echo "# Performance: start-up"
  echo
  echo "Generated by \`bench/startup.sh $RUNS $REPORT\`${JAVA_HOME:+ with JAVA_HOME=$JAVA_HOME} on $(date -u +%Y-%m-%d): do not edit by hand, run it again."
  echo
  echo "\`run list-contacts\` against a loopback stand-in for Salesforce (\`bench/BenchServer.java\`: the password"
  echo "grant's token answer without \`expires_in\`, then one page of 10 contacts), $RUNS runs of each, interleaved."
  echo "Machine: $(nproc) cores, ${cpu:-unknown CPU}, $(free -g | awk '/Mem:/ {print $2}') GB; $("$JAVA" -version 2>&1 | head -1)."
  echo
  echo "| run | median | min–max | peak RSS (median) |"
  echo "|---|---|---|---|"
  row "(a) \`java -jar target/runtime.jar run list-contacts\`, warm token cache" "$OUT/t-a.txt"
  row "(b) the same, cold token cache (token request + query)" "$OUT/t-b.txt"
  row "(c) \`java -jar target/runtime.jar validate\` (the shipped workspace)" "$OUT/t-c.txt"
  row "(d) JVM hello world, same JVM" "$OUT/t-d.txt"
  row "(e) curl, the same two requests" "$OUT/t-e.txt"
  [ -n "$LAUNCHER" ] && row "(f) \`bin/runtime run list-contacts\` (class-data archive, short-run flags), warm cache" "$OUT/t-f.txt"
  [ -n "$LAUNCHER" ] && row "(g) \`bin/runtime run list-contacts --sandbox\` (the README's first command, once built)" "$OUT/t-g.txt"
  [ -n "$NEWMAN" ] && row "(h) Newman $(newman --version), the same two requests (a two-request collection)" "$OUT/t-h.txt"
  [ -n "$HTTPIE" ] && row "(i) HTTPie $(http --version), the same two requests" "$OUT/t-i.txt"
  echo
  echo "A warm run (a) loads $CLASSES_A classes, $CLASSES_APP of them from the jar (the rest are the JDK's)."
  echo
  echo "| ratio | value | goal |"
  echo "|---|---|---|"
  echo "| a / d (warm run over the JVM floor) | $(ratio "$OUT/t-a.txt" "$OUT/t-d.txt") | ≤ 8× |"
  echo "| a / e (warm run over curl) | $(ratio "$OUT/t-a.txt" "$OUT/t-e.txt") | |"
  echo "| b / d (cold run over the JVM floor) | $(ratio "$OUT/t-b.txt" "$OUT/t-d.txt") | |"
  if [ -n "$LAUNCHER" ]; then
    echo "| f / d (launcher over the JVM floor) | $(ratio "$OUT/t-f.txt" "$OUT/t-d.txt") | ≤ 4× |"
    [ -n "$NEWMAN" ] && echo "| f / h (launcher over Newman) | $(ratio "$OUT/t-f.txt" "$OUT/t-h.txt") | < 1× |"
    [ -n "$HTTPIE" ] && echo "| f / i (launcher over HTTPie) | $(ratio "$OUT/t-f.txt" "$OUT/t-i.txt") | < 1× |"
  fi
  [ -n "$NEWMAN" ] || echo "| Newman | not installed here: not measured (\`npm install -g newman\`) | |"
  [ -n "$HTTPIE" ] || echo "| HTTPie | not installed here: not measured (\`apt-get install httpie\`) | |"
  echo
  echo "Other benchmarks: the engine under load, [performance-engine.md](performance-engine.md) (\`bench/throughput.sh\`);"
  echo "\`serve\` over MCP, [performance-serve.md](performance-serve.md) (\`bench/mcp.sh\`); the HTTP gateway under load"
  echo "and faults, [performance-gateway.md](performance-gateway.md) (\`bench/gateway.sh\`); batch runs,"
  echo "[performance-batch.md](performance-batch.md) (\`bench/batch.sh\`); \`validate\` over 1,000"
  echo "actions, [performance-validate.md](performance-validate.md) (\`bench/validate.sh\`); \`import openapi\` of GitHub's"
  echo "description, [performance-import.md](performance-import.md) (\`bench/import.sh\`)."
} > "$REPORT"
cat "$REPORT"
