#!/usr/bin/env bash
# Installs the pinned GoReleaser (v2) into ./bin, built from source with the
# Go toolchain of this repository, as scripts/install-golangci-lint.sh does
# for the linter. Later v2 releases need a newer Go than this repository's
# toolchain; bump the version deliberately, together with the toolchain.
#
#   ./scripts/install-goreleaser.sh    # then: ./bin/goreleaser check
set -euo pipefail

version=${GORELEASER_VERSION:-v2.14.0}
root=$(cd "$(dirname "$0")/.." && pwd)
bin=${GOBIN:-$root/bin}

if [[ -x "$bin/goreleaser" ]] && "$bin/goreleaser" --version 2>/dev/null | grep -E "^GitVersion: +v?${version#v}$" >/dev/null; then
  echo "goreleaser $version already in $bin"
  exit 0
fi

mkdir -p "$bin"
GOBIN="$bin" go install "github.com/goreleaser/goreleaser/v2@$version"
"$bin/goreleaser" --version
