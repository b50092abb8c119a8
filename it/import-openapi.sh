#!/usr/bin/env bash
# `import openapi` with the real jar on the corpus of @readme/oas-examples 8.2.2 (pinned in it/package.json; issue
# 16): every document (3.0 and 3.1) imports, `validate` passes and `test` plays its examples in the sandbox; then,
# for every action on a connector with fixed credentials (API key, basic, bearer), `run --dry-run` prints a curl
# line which, fed back through `import curl` (its ${VARIABLES} read back as placeholders; --connector naming the
# action's connector, as several of a corpus document share one base URL), writes an action whose own dry run (its literals as defaults) prints the same request.
# The same documents are also made into Postman collections by openapi-to-postmanv2 6.3.3 and imported with
# `import postman` (validate, test).
# Usage: it/import-openapi.sh (after mvn -B -q package -DskipTests)
source "$(dirname "$0")/lib/common.sh"
CORPUS=$IT_TOOLS/node_modules/@readme/oas-examples
DOCS="3.0/yaml/petstore 3.0/json/petstore 3.0/yaml/security 3.0/yaml/security-multiple 3.0/yaml/server-variables
  3.0/yaml/circular 3.0/yaml/parameters-style 3.0/yaml/form-data 3.0/yaml/request-examples 3.1/yaml/petstore
  3.1/yaml/security 3.1/yaml/parameters-style 3.1/yaml/train-travel"
rt() { "$JAVA" -jar "$JAR" "$@"; }

corpus() { # import → validate → test for every document
  local doc file ws bad=0
  for doc in $DOCS; do
    file=$(ls "$CORPUS/$doc".* | head -1)
    ws=$OUT/ws/${doc//\//-}
    mkdir -p "$ws"
    if ! rt import openapi "$file" --dir "$ws" > "$ws.import" 2>&1; then echo "$doc: import failed"; cat "$ws.import"; bad=1; continue; fi
    rt validate --dir "$ws" > "$ws.validate" 2>&1 || { echo "$doc: validate failed"; cat "$ws.validate"; bad=1; }
    rt test --dir "$ws" > "$ws.test" 2>&1 || { echo "$doc: test failed"; cat "$ws.test"; bad=1; }
    echo "$doc: $(tail -1 "$ws.import"); test: $(tail -1 "$ws.test")"
  done
  return $bad
}
check "every corpus document imports, validates and passes its examples in the sandbox (import → validate → test)" corpus

postman() { # the same documents through openapi-to-postmanv2 6.3.3, then import postman → validate → test
  local doc file ws bad=0
  for doc in $DOCS; do
    file=$(ls "$CORPUS/$doc".* | head -1)
    ws=$OUT/postman/${doc//\//-}
    mkdir -p "$ws"
    "$IT_NODE" "$IT_BIN/openapi2postmanv2" -s "$file" -o "$ws.postman_collection.json" -p \
      -O parametersResolution=Example,folderStrategy=Tags > "$ws.convert" 2>&1 \
      || { echo "$doc: openapi2postmanv2 failed"; cat "$ws.convert"; bad=1; continue; }
    if ! rt import postman "$ws.postman_collection.json" --dir "$ws" > "$ws.import" 2>&1; then
      echo "$doc: import postman failed"; cat "$ws.import"; bad=1; continue
    fi
    rt validate --dir "$ws" > "$ws.validate" 2>&1 || { echo "$doc: validate failed"; cat "$ws.validate"; bad=1; }
    rt test --dir "$ws" > "$ws.test" 2>&1 || { echo "$doc: test failed"; cat "$ws.test"; bad=1; }
  done
  return $bad
}
check "the same documents made into Postman collections by openapi-to-postmanv2 import, validate and pass test" postman

request() { sed -n '/^curl /,/^$/p' "$1"; } # the printed request, without the comment naming the action

roundtrip() { # run --dry-run → import curl → the same request
  local ws connectors c a name n=0 same=0 bad=0 scratch written
  for ws in "$OUT"/ws/*/; do
    connectors=$(grep -l -E '^  type: (api_key|basic|bearer)$' "$ws"connectors/*.yaml 2>/dev/null || true)
    for c in $connectors; do
      c=$(basename "$c" .yaml)
      for a in $(grep -l -x "connector: $c" "$ws"actions/*.yaml); do
        name=$(basename "$a" .yaml)
        n=$((n + 1))
        rt describe "$name" --dir "$ws" --format json | "$IT_NODE" it/lib/sample-inputs.js > "$OUT/inputs.json"
        rt run "$name" --dir "$ws" --dry-run --inputs "$OUT/inputs.json" > "$OUT/plan-1.txt" 2> "$OUT/plan.err" \
          || { echo "$ws$name: dry run failed"; cat "$OUT/plan.err"; bad=1; continue; }
        scratch=$OUT/scratch && rm -rf "$scratch" && cp -r "$ws" "$scratch"
        rt import curl --dir "$scratch" --connector "$c" --force < "$OUT/plan-1.txt" > "$OUT/import.out" 2> "$OUT/import.err" \
          || { echo "$ws$name: import curl failed"; cat "$OUT/import.err"; bad=1; continue; }
        if grep -q '^wrote connectors/' "$OUT/import.out"; then
          echo "$ws$name: import curl wrote a connector instead of using $c"; bad=1; continue
        fi
        written=$(sed -n 's#^wrote .*actions/\(.*\)\.yaml$#\1#p' "$OUT/import.out")
        rt run "$written" --dir "$scratch" --dry-run > "$OUT/plan-2.txt" 2> "$OUT/plan.err" \
          || { echo "$ws$name: dry run of the re-imported $written failed"; cat "$OUT/plan.err"; bad=1; continue; }
        if diff <(request "$OUT/plan-1.txt") <(request "$OUT/plan-2.txt") > "$OUT/diff.txt"; then
          same=$((same + 1))
        else
          echo "$ws$name: the re-imported action sends another request"; cat "$OUT/diff.txt"; bad=1
        fi
      done
    done
  done
  echo "$same of $n actions on API-key, basic and bearer connectors round-trip through run --dry-run and import curl"
  [ "$n" -gt 0 ] && return $bad
}
check "run --dry-run of an imported action, fed back through import curl, gives the same request" roundtrip
finish
