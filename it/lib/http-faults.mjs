// The Streamable HTTP endpoint's answers to what the conformance suite does not send:
//   node it/lib/http-faults.mjs BASE_URL     (BASE_URL: http://127.0.0.1:PORT)
// GET /healthz is 200; GET /mcp is 405 (stateless: no SSE stream); a POST /mcp whose body is not JSON is 400 with
// one JSON-RPC parse error (-32700, id null), after which the server still answers a ping. Exit 1 with what is
// wrong.
const base = process.argv[2];
const problems = [];
const post = body => fetch(base + "/mcp", { method: "POST", body,
  headers: { "Content-Type": "application/json", Accept: "application/json, text/event-stream" } });
async function step(what, f) {
  try { const p = await f(); if (p) problems.push(what + ": " + p); }
  catch (e) { problems.push(what + ": " + (e.cause?.message || e.message)); }
}
await step("GET /healthz", async () => {
  const r = await fetch(base + "/healthz");
  if (r.status !== 200) return "status " + r.status;
});
await step("GET /mcp", async () => {
  const r = await fetch(base + "/mcp", { headers: { Accept: "text/event-stream" } });
  if (r.status !== 405) return "status " + r.status + ", not 405";
});
await step("POST /mcp with a body that is not JSON", async () => {
  const r = await post("this is not JSON");
  const text = await r.text();
  let m;
  try { m = JSON.parse(text); } catch { return `status ${r.status}, body not JSON: ${JSON.stringify(text)}`; }
  if (r.status !== 400 || m.jsonrpc !== "2.0" || m.id !== null || m.error?.code !== -32700)
    return `status ${r.status}, body ${text}: not 400 with a parse error (-32700, id null)`;
});
await step("POST /mcp ping afterwards", async () => {
  const r = await post(JSON.stringify({ jsonrpc: "2.0", id: 9, method: "ping" }));
  const m = await r.json();
  if (r.status !== 200 || m.id !== 9 || !m.result) return `status ${r.status}, body ${JSON.stringify(m)}`;
});
if (problems.length) { for (const p of problems) console.log(p); process.exit(1); }
