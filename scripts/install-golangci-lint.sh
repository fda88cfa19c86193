#!/usr/bin/env bash
# Installs the pinned golangci-lint (v2) into ./bin, built from source with
# the Go toolchain of this repository. golangci-lint v2 cannot be pinned in
# tools/go.mod without pulling its dependencies into that module, so the
# version is pinned here instead; bump it deliberately.
#
#   ./scripts/install-golangci-lint.sh    # then: ./bin/golangci-lint run ./...
set -euo pipefail

version=${GOLANGCI_LINT_VERSION:-v2.15.0}
root=$(cd "$(dirname "$0")/.." && pwd)
bin=${GOBIN:-$root/bin}

if [[ -x "$bin/golangci-lint" ]] && "$bin/golangci-lint" version 2>/dev/null | grep -q "version ${version#v} "; then
  echo "golangci-lint $version already in $bin"
  exit 0
fi

mkdir -p "$bin"
GOBIN="$bin" go install "github.com/golangci/golangci-lint/v2/cmd/golangci-lint@$version"
"$bin/golangci-lint" version
