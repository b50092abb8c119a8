#!/usr/bin/env bash
# Start-up A/B: `run list-contacts` (warm token cache) with two builds of the runtime, plain `java -jar` and
# through bin/runtime, interleaved in one run against the loopback stand-in of bench/startup.sh.
# Usage: bench/startup-ab.sh BEFORE_JAR [RUNS]    (AFTER is target/runtime.jar; RUNS default 10)
#   e.g. git worktree add /tmp/before <commit> && (cd /tmp/before && mvn -B -q package -DskipTests)
#        bench/startup-ab.sh /tmp/before/target/runtime.jar 15
set -euo pipefail
cd "$(dirname "$0")/.."
BEFORE=$(cd "$(dirname "$1")" && pwd)/$(basename "$1")
RUNS=${2:-10}
AFTER=$PWD/target/runtime.jar
[ -f "$BEFORE" ] && [ -f "$AFTER" ] || { echo "usage: bench/startup-ab.sh BEFORE_JAR [RUNS]; build first" >&2; exit 2; }
OUT=bench/out/ab
mkdir -p "$OUT/classes"
JAVA=${JAVA_HOME:+$JAVA_HOME/bin/}java
JAVAC=${JAVA_HOME:+$JAVA_HOME/bin/}javac
source bench/stand-in.sh
stand_in "$OUT/workspace"

rm -f "$OUT"/t-*.txt
for side in before after; do
  jar=$BEFORE; [ "$side" = after ] && jar=$AFTER
  rm -rf "$OUT/cache-$side"
  for _ in 1 2 3; do   # warm the token cache and validation stamps; the second launcher run writes its archive
    CONNECTOR_RUNTIME_CACHE_DIR="$OUT/cache-$side" "$JAVA" -jar "$jar" run list-contacts --dir "$WS" > /dev/null
    CONNECTOR_RUNTIME_CACHE_DIR="$OUT/cache-$side" CONNECTOR_RUNTIME_JAR="$jar" bin/runtime run list-contacts \
      --dir "$WS" > /dev/null
  done
done

measure() { # appends the elapsed seconds (to the millisecond: /usr/bin/time counts in hundredths) to the file $1
  local file=$1; shift
  local start end
  start=$(date +%s%N)
  "$@" > /dev/null 2> "$OUT/stderr.tmp" || { cat "$OUT/stderr.tmp" >&2; exit 1; }
  end=$(date +%s%N)
  awk -v ns=$((end - start)) 'BEGIN {printf "%.3f\n", ns / 1e9}' >> "$file"
}
for _ in $(seq 1 "$RUNS"); do
  for side in before after; do
    jar=$BEFORE; [ "$side" = after ] && jar=$AFTER
    measure "$OUT/t-plain-$side.txt" env CONNECTOR_RUNTIME_CACHE_DIR="$OUT/cache-$side" "$JAVA" -jar "$jar" \
      run list-contacts --dir "$WS"
    measure "$OUT/t-launcher-$side.txt" env CONNECTOR_RUNTIME_CACHE_DIR="$OUT/cache-$side" CONNECTOR_RUNTIME_JAR="$jar" \
      bin/runtime run list-contacts --dir "$WS"
  done
done

median() { sort -n "$1" | awk '{a[NR]=$1} END {m = NR % 2 ? a[(NR+1)/2] : (a[NR/2]+a[NR/2+1])/2; printf "%.3f", m}'; }
echo "| | before | after | after/before |"
echo "|---|---|---|---|"
for kind in plain launcher; do
  b=$(median "$OUT/t-$kind-before.txt"); a=$(median "$OUT/t-$kind-after.txt")
  label="\`java -jar runtime.jar run list-contacts\`"; [ "$kind" = launcher ] && label="\`bin/runtime run list-contacts\`"
  echo "| $label, median of $RUNS | ${b} s | ${a} s | $(awk -v a="$a" -v b="$b" 'BEGIN {printf "%.2f", a/b}') |"
done
