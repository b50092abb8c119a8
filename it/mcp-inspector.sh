#!/usr/bin/env bash
# The official MCP Inspector (@modelcontextprotocol/inspector 1.0.3, --cli mode) drives the real jar, over stdio
# (`serve --mcp`, started by the Inspector) and over Streamable HTTP (`serve --http`, MCP at /mcp), against the
# loopback Salesforce stand-in: tools/list names list-contacts with its schema, tools/call returns the stand-in's
# contacts as text content, arguments that break the schema give an isError result (bad-input), an unknown tool
# a JSON-RPC error. Usage: it/mcp-inspector.sh (after mvn -B -q package -DskipTests)
source "$(dirname "$0")/lib/common.sh"
start_stand_in

# inspector OUTFILE ARGS...: the Inspector CLI; its JSON answer in OUTFILE, its stderr in OUTFILE.err
inspector() {
  local file=$1; shift
  timeout 60 mcp-inspector --cli "$@" > "$file" 2> "$file.err"
}

LIST_OK='
  const t = (r.tools || []).find(t => t.name === "list-contacts");
  if (!t) return "no tool list-contacts";
  if (!t.description) return "no description";
  const s = t.inputSchema;
  if (!s || s.type !== "object" || !s.properties || !s.properties.limit) return "input schema without limit";
  if (s.properties.limit.type !== "integer") return "limit is not an integer";
  if (!t.annotations || t.annotations.readOnlyHint !== true) return "a GET action without readOnlyHint";'
CALL_OK='
  if (r.isError) return "isError is set";
  const text = (r.content || []).filter(c => c.type === "text").map(c => c.text);
  if (text.length !== 1) return "expected one text content";
  const names = JSON.parse(text[0]);
  const want = ["Ada Lovelace", "Alan Turing", "Grace Hopper", "Katherine Johnson", "Margaret Hamilton",
    "Barbara Liskov", "Edsger Dijkstra", "Donald Knuth", "Frances Allen", "John Backus"];
  if (JSON.stringify(names) !== JSON.stringify(want)) return "not the stand-in contacts: " + text[0];'
BAD_INPUT='
  if (r.isError !== true) return "isError is not true";
  const e = JSON.parse(r.content[0].text).error;
  if (!e || e.kind !== "usage" || e.code !== "bad-input") return "not a usage/bad-input error";
  if (!(e.errors || []).some(x => /limit/.test(x))) return "the errors do not name limit";'

# unknown_tool FILE: the Inspector fails (exit 1) with the server's JSON-RPC error -32602
unknown_tool() {
  local file=$1; shift
  if inspector "$file" "$@"; then echo "the Inspector succeeded"; cat "$file"; return 1; fi
  grep -q 'MCP error -32602' "$file.err" || { cat "$file.err"; return 1; }
}

# --- stdio: the Inspector starts `java -jar target/runtime.jar serve --mcp` itself
STDIO=("$JAVA" -jar "$JAR" serve --mcp --dir "$WS")
check "stdio: tools/list runs" inspector "$OUT/stdio-list.json" "${STDIO[@]}" --method tools/list
check "stdio: tools/list has list-contacts with its input schema" json_check "$OUT/stdio-list.json" "$LIST_OK"
check "stdio: tools/call list-contacts limit=2 runs" \
  inspector "$OUT/stdio-call.json" "${STDIO[@]}" --method tools/call --tool-name list-contacts --tool-arg limit=2
check "stdio: tools/call returns the stand-in's contacts as text" json_check "$OUT/stdio-call.json" "$CALL_OK"
check "stdio: tools/call limit=0 runs" \
  inspector "$OUT/stdio-bad.json" "${STDIO[@]}" --method tools/call --tool-name list-contacts --tool-arg limit=0
check "stdio: limit=0 is an isError result, usage/bad-input" json_check "$OUT/stdio-bad.json" "$BAD_INPUT"
check "stdio: an unknown tool is a JSON-RPC error (-32602)" \
  unknown_tool "$OUT/stdio-unknown.json" "${STDIO[@]}" --method tools/call --tool-name no-such-tool

# --- Streamable HTTP: `serve --http 127.0.0.1:0`, the Inspector on http://127.0.0.1:PORT/mcp
start_http
HTTP=("$MCP_URL" --transport http)
check "http: tools/list runs" inspector "$OUT/http-list.json" "${HTTP[@]}" --method tools/list
check "http: tools/list has list-contacts with its input schema" json_check "$OUT/http-list.json" "$LIST_OK"
check "http: tools/call list-contacts limit=2 runs" \
  inspector "$OUT/http-call.json" "${HTTP[@]}" --method tools/call --tool-name list-contacts --tool-arg limit=2
check "http: tools/call returns the stand-in's contacts as text" json_check "$OUT/http-call.json" "$CALL_OK"
check "http: tools/call limit=0 runs" \
  inspector "$OUT/http-bad.json" "${HTTP[@]}" --method tools/call --tool-name list-contacts --tool-arg limit=0
check "http: limit=0 is an isError result, usage/bad-input" json_check "$OUT/http-bad.json" "$BAD_INPUT"
check "http: an unknown tool is a JSON-RPC error (-32602)" \
  unknown_tool "$OUT/http-unknown.json" "${HTTP[@]}" --method tools/call --tool-name no-such-tool
stop_http
finish
