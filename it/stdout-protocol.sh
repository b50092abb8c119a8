#!/usr/bin/env bash
# `serve --mcp` keeps stdout for JSON-RPC (SPEC §11): the real jar, started as `java -jar target/runtime.jar serve
# --mcp` and as `bin/runtime serve --mcp` (the launcher, on each of its paths: first run, the run that writes the
# class-data archive, a run that uses it), gets a scripted stdin (initialize, notifications/initialized,
# tools/list, tools/call on the Salesforce stand-in, then EOF) at once and one request at a time
# (it/lib/stdio-drive.mjs), and a line that is not JSON first (a parse error answers it, the server reads on).
# Every stdout line must be one JSON-RPC 2.0 message, each request answered once, and
# the process must exit 0 within 5 s of the end of stdin. Usage: it/stdout-protocol.sh (after mvn package).
source "$(dirname "$0")/lib/common.sh"
start_stand_in

drive() { node it/lib/stdio-drive.mjs "$@"; }
for mode in burst interactive; do
  check "java -jar serve --mcp, $mode: only JSON-RPC on stdout, exit 0 within 5 s of EOF" \
    drive "$mode" "$JAVA" -jar "$JAR" serve --mcp --dir "$WS"
done
check "java -jar serve --mcp: a line that is not JSON gets a parse error (-32700, id null), later requests answered" \
  drive not-json "$JAVA" -jar "$JAR" serve --mcp --dir "$WS"
for run in 1 2 3; do   # bin/runtime: marks the jar seen, then writes the class-data archive, then maps it
  check "bin/runtime serve --mcp (launcher run $run), burst: only JSON-RPC on stdout, exit 0 within 5 s of EOF" \
    drive burst bin/runtime serve --mcp --dir "$WS"
done
check "bin/runtime serve --mcp, interactive: only JSON-RPC on stdout, exit 0 within 5 s of EOF" \
  drive interactive bin/runtime serve --mcp --dir "$WS"
finish
