#!/usr/bin/env bash
# `import curl` against curlconverter 4.12.0, the oracle (SPEC §12, issue 16): re-runs curlconverter live on every
# command of src/test/resources/import/curl/commands.txt and checks that its answers still equal the recorded ones in
# curlconverter.json, which ImportCurlOracleTest compares with our reading (method, URL, headers, body); then
# imports each command with the jar (--dry-run): every one imports (exit 0) except those the test expects to fail.
# Usage: it/import-curl.sh [--record] (after mvn -B -q package -DskipTests); --record rewrites curlconverter.json.
source "$(dirname "$0")/lib/common.sh"
DIR=src/test/resources/import/curl
CC=$IT_TOOLS/node_modules/curlconverter/dist/src/cli.js
[ -f "$CC" ] || CC=$(readlink -f "$IT_BIN/curlconverter")

"$IT_NODE" it/lib/curl-oracle.js "$DIR/commands.txt" "$CC" > "$OUT/curlconverter.json"
if [ "${1:-}" = "--record" ]; then
  cp "$OUT/curlconverter.json" "$DIR/curlconverter.json"
  pass "recorded $DIR/curlconverter.json"
fi
check "curlconverter's live answers equal the recorded ones" diff -u "$DIR/curlconverter.json" "$OUT/curlconverter.json"

imports() { # every command imports with --dry-run; OPTIONS is refused with exit 2
  local n=0 bad=0 code command
  while IFS= read -r -d '' command; do
    n=$((n + 1))
    code=0
    printf '%s' "$command" | "$JAVA" -jar "$JAR" import curl --dry-run --out "$OUT/ws" > "$OUT/import-$n.out" 2>&1 || code=$?
    if [[ "$command" == *"-X OPTIONS"* ]]; then [ "$code" = 2 ] || { echo "command $n: exit $code, want 2"; bad=1; }
    elif [ "$code" != 0 ]; then echo "command $n: exit $code"; cat "$OUT/import-$n.out"; bad=1; fi
  done < <("$IT_NODE" -e '
    const b = require("fs").readFileSync(process.argv[1], "utf8").split(/^#---$/m).slice(1);
    for (const c of b) process.stdout.write(c.trim() + "\0");' "$DIR/commands.txt")
  echo "$n commands imported"
  return $bad
}
check "every command imports with the jar (import curl --dry-run)" imports
finish
