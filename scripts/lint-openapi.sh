#!/usr/bin/env bash
# Lints the OpenAPI document (src/main/resources/openapi.json, or the file given) with Spectral and its OpenAPI
# ruleset (tools/openapi-lint: the exact version in package-lock.json, installed from the npm registry by npm ci).
# Exit 0: no errors (warnings are printed); 1: the document has errors; 3: the linter could not be installed or run
# (no node or npm, no registry), which OpenApiLintTest skips outside CI and fails under CI=true.
set -uo pipefail
cd "$(dirname "$0")/.."
tool=tools/openapi-lint
doc=${1:-src/main/resources/openapi.json}

if ! command -v node >/dev/null 2>&1 || ! command -v npm >/dev/null 2>&1; then
  echo "lint-openapi: node and npm are needed (Debian: apt-get install nodejs npm)" >&2
  exit 3
fi
# npm ci installs what the lock file says, afresh; done again only when the lock file changed since
stamp="$tool/node_modules/.installed-lock"
if ! cmp -s "$tool/package-lock.json" "$stamp"; then
  # --ignore-scripts: the linter needs no install scripts (one dependency's would report usage over the network)
  if ! npm ci --prefix "$tool" --ignore-scripts --no-audit --no-fund --loglevel=error; then
    echo "lint-openapi: npm ci failed: the linter could not be installed" >&2
    exit 3
  fi
  cp "$tool/package-lock.json" "$stamp"
fi
"$tool/node_modules/.bin/spectral" lint --ruleset "$tool/.spectral.yaml" --fail-severity error "$doc"
rc=$?
case $rc in
  0) echo "lint-openapi: $doc has no errors" ;;
  1) echo "lint-openapi: $doc has errors (above)" >&2 ;;
  *) echo "lint-openapi: spectral could not run (exit $rc)" >&2; exit 3 ;;
esac
exit $rc
