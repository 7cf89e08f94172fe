#!/usr/bin/env bash
# lint_test.sh PROGRAM: writes the program's templates as JSON and as YAML (one directory each; a
# program of several stacks writes a directory per stack in it), runs cfn-lint on every JSON
# template, on every top YAML template (template.yaml) and on one nested YAML template, and checks
# that every YAML template reads back as its JSON twin. The YAML writer is the same for all of them,
# so linting the other YAML files would read the same documents again (about 40 s of CPU for the
# 5,000-resource stack). A cfn-lint error fails the test; warnings pass.
set -u
here=$(cd "$(dirname "$0")" && pwd)
dir=$(mktemp -d)
trap 'rm -rf "$dir"' EXIT
"$1" --format json -o "$dir/json" || exit 1
"$1" --format yaml -o "$dir/yaml" || exit 1
mapfile -t files < <(find "$dir/json" -name '*.json' | sort; find "$dir/yaml" -name 'template.yaml' | sort;
                     find "$dir/yaml" -name '*.yaml' ! -name 'template.yaml' | sort | head -n 1)
cfn-lint --format parseable -- "${files[@]}" | grep -v ':W3002:'
rc=${PIPESTATUS[0]}
# cfn-lint's exit code is a bit mask: 2 errors, 4 warnings, 8 informational; 1 a failure of its own.
if [ $((rc & 3)) -ne 0 ]; then
  echo "cfn-lint found errors (exit code $rc)"
  exit 1
fi
python3 "$here/same_documents.py" "$dir/json" "$dir/yaml" || exit 1
echo "cfn-lint: ${#files[@]} templates, no errors (W3002, the local TemplateURLs, not shown)"
