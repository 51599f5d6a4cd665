#!/usr/bin/env bash
# Clones the committed HEAD of the project into a temporary folder (with
# ../shared beside it when there is one) and runs the README's demo command
# there, then checks what it promises: the query output and the two files.
set -euo pipefail
project=$1
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT

git clone -q "$project" "$work/main"
[ -d "$project/../shared" ] && ln -s "$(cd "$project/../shared" && pwd)" "$work/shared"

# The README must name exactly the commands this test and CI run.
grep -q '^\./run demo$' "$work/main/README.md"
grep -q '^\./run test$' "$work/main/README.md"
grep -q '\./run test' "$work/main/.ci/run"

cd "$work/main"
./run demo > "$work/demo.log" 2>&1 || { cat "$work/demo.log"; exit 1; }
grep -q 'ingested 5 documents' "$work/demo.log"
grep -q 'Scale AI (Organization)' "$work/demo.log"
xmllint --noout out/graph.svg
/usr/bin/python3 -c 'import json,sys; json.load(open(sys.argv[1]))' out/graph.jsonld
echo "README demo from a clean clone: ok"
