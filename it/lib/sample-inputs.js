// Reads `runtime describe ACTION --format json` on stdin; prints a JSON object with a value for every required input
// (an enum's first value, a default, else one made for its type and format), for `run ACTION --dry-run --inputs -`.
const d = JSON.parse(require("fs").readFileSync(0, "utf8"));
const schema = d.input_schema || {};
const formats = { date: "2024-01-02", "date-time": "2024-01-02T03:04:05Z", email: "ada@example.com",
  uri: "https://example.com/a", uuid: "123e4567-e89b-12d3-a456-426614174000" };
function sample(s) {
  if (s.enum && s.enum.length) return s.enum[0];
  if (s.default !== undefined) return s.default;
  switch (s.type) {
    case "integer": return Math.max(7, s.minimum || 0);
    case "number": return Math.max(1.5, s.minimum || 0);
    case "boolean": return true;
    case "array": return [sample(s.items || { type: "string" })];
    case "object": return {};
    default: return formats[s.format] || "abc".padEnd(s.minLength || 3, "x");
  }
}
const out = {};
for (const name of schema.required || []) out[name] = sample(schema.properties[name] || {});
process.stdout.write(JSON.stringify(out));
