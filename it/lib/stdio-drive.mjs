// Drives `serve --mcp` over its stdin and stdout as an MCP client would, and checks the stdout protocol:
//   node it/lib/stdio-drive.mjs MODE COMMAND [ARGS...]
// MODE "burst": writes initialize, notifications/initialized, tools/list and tools/call at once, then ends stdin
// (the server must still answer every request in flight); MODE "interactive": sends each request after the
// previous answer, then ends stdin; MODE "not-json": first a line that is not JSON, which must be answered with a
// JSON-RPC parse error (-32700, id null), then as "interactive" (the server must keep reading). Either way: every stdout line is one JSON-RPC 2.0 message
// (nothing else, no blank line, a newline after the last), each request gets exactly one answer, the answers are
// the expected ones, and the process exits 0 within 5 s of the end of stdin. Prints what is wrong; exit 1 then.
import { spawn } from "node:child_process";

const [mode, command, ...args] = process.argv.slice(2);
const problems = [];
const requests = [
  { jsonrpc: "2.0", id: 1, method: "initialize", params: { protocolVersion: "2025-06-18", capabilities: {},
    clientInfo: { name: "it-stdout-protocol", version: "1" } } },
  { jsonrpc: "2.0", method: "notifications/initialized" },
  { jsonrpc: "2.0", id: 2, method: "tools/list", params: {} },
  { jsonrpc: "2.0", id: 3, method: "tools/call", params: { name: "list-contacts", arguments: { limit: 2 } } },
];
const child = spawn(command, args, { stdio: ["pipe", "pipe", "pipe"] });
let stdout = "", stderr = "", endedAt = 0;
const messages = [];
const waiters = new Map();
child.stderr.on("data", d => { stderr += d; });
child.stdin.on("error", e => problems.push("writing to stdin failed: " + e.message));
child.stdout.on("data", d => {
  stdout += d;
  let nl;
  while ((nl = stdout.indexOf("\n")) >= 0) {
    const line = stdout.slice(0, nl);
    stdout = stdout.slice(nl + 1);
    onLine(line);
  }
});
function onLine(line) {
  let m;
  try { m = JSON.parse(line); } catch { problems.push("stdout line is not JSON: " + JSON.stringify(line)); return; }
  if (m === null || typeof m !== "object" || Array.isArray(m)) { problems.push("not a JSON-RPC object: " + line); return; }
  if (m.jsonrpc !== "2.0") problems.push("jsonrpc is not \"2.0\": " + line);
  const isResponse = "result" in m || "error" in m;
  if (isResponse) {
    if (("result" in m) === ("error" in m)) problems.push("a response needs exactly one of result and error: " + line);
    if (!("id" in m)) problems.push("a response without id: " + line);
    if ("error" in m && (typeof m.error.code !== "number" || typeof m.error.message !== "string"))
      problems.push("a malformed error object: " + line);
  } else if (typeof m.method !== "string") {
    problems.push("neither a request, a notification nor a response: " + line);
  }
  messages.push(m);
  if (isResponse && waiters.has(m.id)) { waiters.get(m.id)(m); waiters.delete(m.id); }
}
const send = m => child.stdin.write((typeof m === "string" ? m : JSON.stringify(m)) + "\n");
const answer = id => new Promise(resolve => waiters.set(id, resolve));
let gone = false;
const exited = new Promise(resolve => child.on("exit", (code, signal) => {
  gone = true;
  resolve({ code, signal, at: Date.now() });
}));
const endStdin = () => { if (!gone) { endedAt = Date.now(); child.stdin.end(); } };
const overall = setTimeout(() => { problems.push("no exit after 60 s"); child.kill("SIGKILL"); }, 60000);

if (mode === "burst") {
  for (const r of requests) send(r);
  endStdin();
} else {
  if (mode === "not-json") {
    send("this line is not JSON");
    await Promise.race([answer(null), exited]);
  }
  for (const r of requests) {
    if (gone) break;
    send(r);
    if ("id" in r) await Promise.race([answer(r.id), exited]);
  }
  endStdin();
}
const exit = await exited;
clearTimeout(overall);
if (stdout !== "") problems.push("stdout does not end with a newline: " + JSON.stringify(stdout));
if (exit.code !== 0) problems.push(`exit ${exit.code}${exit.signal ? " (" + exit.signal + ")" : ""}, not 0`);
if (!endedAt) problems.push("exited before its stdin ended");
const afterEof = endedAt ? exit.at - endedAt : 0;
if (afterEof > 5000) problems.push(`exited ${afterEof} ms after the end of stdin (more than 5 s)`);

const responses = messages.filter(m => "result" in m || "error" in m);
for (const id of [1, 2, 3]) {
  const n = responses.filter(m => m.id === id).length;
  if (n !== 1) problems.push(`request ${id}: ${n} answers, not 1`);
}
const byId = id => responses.find(m => m.id === id) || {};
const init = byId(1).result;
if (!init || typeof init.protocolVersion !== "string" || !init.serverInfo || !init.capabilities?.tools)
  problems.push("initialize: no protocolVersion, serverInfo and tools capability: " + JSON.stringify(byId(1)));
if (!(byId(2).result?.tools || []).some(t => t.name === "list-contacts"))
  problems.push("tools/list: no list-contacts: " + JSON.stringify(byId(2)));
const call = byId(3).result;
const text = call?.content?.[0]?.text || "";
if (!call || call.isError || call.content[0].type !== "text" || !text.includes("Ada Lovelace") || !text.includes("John Backus"))
  problems.push("tools/call: not the stand-in's contacts as text: " + JSON.stringify(byId(3)));
if (mode === "not-json") {
  const parseError = responses.filter(m => m.error && m.error.code === -32700);
  if (parseError.length !== 1 || parseError[0].id !== null)
    problems.push("the line that is not JSON: not answered with one parse error (-32700, id null)");
}
const extra = responses.filter(m => ![1, 2, 3].includes(m.id) && !(m.error && m.id === null));
if (extra.length) problems.push("answers to requests never sent: " + JSON.stringify(extra));

console.log(`${mode}: ${messages.length} messages on stdout, exit ${exit.code} ` +
  (endedAt ? `${afterEof} ms after the end of stdin` : "before the end of stdin"));
if (problems.length) {
  for (const p of problems) console.log("  " + p);
  console.log("  stderr:\n" + stderr.split("\n").map(l => "    " + l).join("\n"));
  process.exit(1);
}
