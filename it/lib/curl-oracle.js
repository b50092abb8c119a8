// Runs curlconverter 4.12.0 (`--language json`) on every block of src/test/resources/import/curl/commands.txt and
// prints the answers as one JSON array, in order: each the converter's object, or {"error": "..."}.
// Usage: node it/lib/curl-oracle.js COMMANDS.txt CURLCONVERTER_BIN
const fs = require("fs");
const { execFileSync } = require("child_process");
const [file, bin] = process.argv.slice(2);
const blocks = fs.readFileSync(file, "utf8").split(/^#---$/m).slice(1).map(b => b.trim());
const answers = blocks.map(command => {
  try {
    const out = execFileSync(process.execPath, [bin, "--language", "json", "-"], {
      input: command, stdio: ["pipe", "pipe", "pipe"] });
    return { command, answer: JSON.parse(out.toString("utf8")) };
  } catch (e) {
    return { command, answer: { error: String(e.stderr || e.message).split("\n")[0] } };
  }
});
process.stdout.write(JSON.stringify(answers, null, 2) + "\n");
