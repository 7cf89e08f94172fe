#!/usr/bin/env bash
# lint_test.sh PROGRAM: cfn-lint on the Docker Swarm template for labels web and web,db, as JSON and
# as YAML. An error fails the test; warnings (e.g. W3697: launch configurations are in maintenance
# mode, as the post's stack uses them) are shown and pass.
set -u
program=$1
dir=$(mktemp -d)
trap 'rm -rf "$dir"' EXIT
for variant in web web,db; do
  for format in json yaml; do
    "$program" --labels "$variant" --format "$format" -o "$dir/docker-swarm-${variant/,/-}.$format" || exit 1
  done
done
cfn-lint --format parseable -- "$dir"/*
rc=$?
if [ $((rc & 3)) -ne 0 ]; then
  echo "cfn-lint found errors (exit code $rc)"
  exit 1
fi
echo "cfn-lint: 4 templates (web, web+db; JSON, YAML), no errors"
