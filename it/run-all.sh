#!/usr/bin/env bash
# Every interoperability check of `serve` with third-party MCP clients, one after the other: installs the tools
# when missing (it/setup-node.sh), then it/mcp-inspector.sh, it/mcp-conformance.sh, it/stdout-protocol.sh, it/openapi-lint.sh, it/import-curl.sh and it/import-openapi.sh.
# Each prints PASS/FAIL lines; this prints one per script and a summary, and exits 1 when any failed.
# Needs target/runtime.jar: mvn -B -q package -DskipTests && it/run-all.sh
set -uo pipefail
cd "$(dirname "$0")/.."
start=$SECONDS
it/setup-node.sh || { echo "FAIL setup-node: the tools could not be installed"; exit 1; }
failed=()
for script in mcp-inspector mcp-conformance stdout-protocol openapi-lint import-curl import-openapi; do
  t=$SECONDS
  if "it/$script.sh"; then
    echo "PASS it/$script.sh ($((SECONDS - t)) s)"
  else
    echo "FAIL it/$script.sh ($((SECONDS - t)) s)"
    failed+=("$script")
  fi
done
if [ ${#failed[@]} -gt 0 ]; then
  echo "FAIL it/run-all.sh: ${failed[*]} failed ($((SECONDS - start)) s)"
  exit 1
fi
echo "PASS it/run-all.sh: all passed ($((SECONDS - start)) s)"
