#!/usr/bin/env bash
# Clones the committed HEAD of the project into a temporary folder (alone:
# nothing of ../shared beside it) and runs the README's demo and eval commands
# there, then checks what they promise: the query output, the two files, the
# seeds score and the quality table.
set -euo pipefail
project=$1
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT

git clone -q "$project" "$work/main"

# The README must name exactly the commands this test and CI run.
grep -q '^\./run demo$' "$work/main/README.md"
grep -q '^\./run test$' "$work/main/README.md"
grep -q '^\./run eval$' "$work/main/README.md"
grep -q '\./run test' "$work/main/.ci/run"

cd "$work/main"
./run demo > "$work/demo.log" 2>&1 || { cat "$work/demo.log"; exit 1; }
grep -q 'ingested 5 documents' "$work/demo.log"
grep -q 'Scale AI (Organization)' "$work/demo.log"
xmllint --noout out/graph.svg
/usr/bin/python3 -c 'import json,sys; json.load(open(sys.argv[1]))' out/graph.jsonld
grep -q '^F1 ' "$work/demo.log"

./run eval > "$work/eval.log" 2>&1 || { cat "$work/eval.log"; exit 1; }
for set in seeds news-dev knowledgenet-dev; do
  grep -q "^| $set | " "$work/eval.log" || { cat "$work/eval.log"; exit 1; }
done
echo "README demo and eval from a clean clone: ok"
