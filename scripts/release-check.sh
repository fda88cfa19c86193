#!/usr/bin/env bash
# make release-check: proves, without a tag, a key or a network upload,
# that what a release would publish is what the Terraform Registry takes.
#   1. installs the pinned GoReleaser (scripts/install-goreleaser.sh);
#   2. `goreleaser check` on .goreleaser.yml;
#   3. a snapshot release (no publishing, no signing) for the host's
#      platform only, from a copy of .goreleaser.yml whose `targets` list
#      holds that platform alone: GoReleaser's `release` has no flag for
#      one target (`build --single-target` makes no archive, checksum or
#      manifest), and the full matrix takes minutes per platform;
#   4. checks the result in dist/: terraform-provider-mseram_<v>_<os>_<arch>.zip
#      holding terraform-provider-mseram_v<v> and nothing else, a
#      _SHA256SUMS file whose sums match, and a _manifest.json declaring
#      protocol version 6.0; and that the build left go.mod and go.sum as
#      they were (a release builds from the tagged tree).
# scripts/install-test.sh then installs that snapshot with `terraform init`.
set -euo pipefail

root=$(cd "$(dirname "$0")/.." && pwd)
cd "$root"
bin=${BIN:-$root/bin}
name=terraform-provider-mseram

step() { printf '\n==> %s\n' "$*"; }
fail() { echo "release-check: $*" >&2; exit 1; }
command -v unzip >/dev/null || fail "unzip is not on PATH (Debian: apt-get install unzip)"

step "GoReleaser (pinned)"
"$root/scripts/install-goreleaser.sh"
goreleaser=$bin/goreleaser

step "goreleaser check"
"$goreleaser" check

os=$(go env GOOS) arch=$(go env GOARCH)
host=${os}_${arch}
grep -qxF "      - $host" .goreleaser.yml || fail "the host's platform $host is not one .goreleaser.yml releases"
config=$(mktemp "${TMPDIR:-/tmp}/goreleaser-$host.XXXXXX.yml")
trap 'rm -f "$config"' EXIT
# Replace the items of the build's `targets:` list with the host's platform.
awk -v host="$host" '
  /^    targets:$/ { print; print "      - " host; in_list = 1; next }
  in_list && /^      - / { next }
  { in_list = 0; print }
' .goreleaser.yml >"$config"
[[ $(grep -c '^      - [a-z0-9]*_[a-z0-9]*$' "$config") -eq 1 ]] || fail "could not restrict $config to $host"

step "Snapshot release for $host (no publishing, no signing)"
# GoReleaser reads the commit only together with the git remote's URL; a
# checkout without a remote (a git worktree, say) would give a snapshot
# named "-none". This repository then stands in as its own origin, for
# this command only: a snapshot publishes nothing.
git_env=()
[[ -n $(git remote) ]] || git_env=(GIT_CONFIG_COUNT=1 GIT_CONFIG_KEY_0=remote.origin.url "GIT_CONFIG_VALUE_0=$root")
mods_before=$(cat go.mod go.sum | sha256sum)
env "${git_env[@]}" "$goreleaser" release --snapshot --clean --skip=sign --config "$config"
[[ $(cat go.mod go.sum | sha256sum) == "$mods_before" ]] ||
  fail "the release's 'go mod tidy' hook changed go.mod or go.sum: run 'go mod tidy' and commit the result"

step "What the Terraform Registry requires"
version=$(sed -n 's/.*"version": *"\([^"]*\)".*/\1/p' dist/metadata.json)
[[ -n "$version" ]] || fail "no version in dist/metadata.json"
prefix=${name}_${version}
zip=${prefix}_${host}.zip sums=${prefix}_SHA256SUMS manifest=${prefix}_manifest.json
exe=""
[[ $os == windows ]] && exe=.exe

mapfile -t zips < <(cd dist && ls -- *.zip)
[[ ${#zips[@]} -eq 1 && ${zips[0]} == "$zip" ]] || fail "dist/ holds archives [${zips[*]}], want exactly $zip"
# Terraform runs the binary from the archive's top level; the other files
# (LICENSE, README.md, CHANGELOG.md) must not be in a folder either.
binary=${name}_v${version}${exe}
mapfile -t entries < <(unzip -Z1 "dist/$zip")
for e in "${entries[@]}"; do
  [[ $e != */* ]] || fail "$zip holds $e, in a folder: everything must be at its top level"
done
unzip -Z "dist/$zip" "$binary" 2>/dev/null | grep -q '^-rwx' ||
  fail "$zip holds [${entries[*]}], without an executable $binary at its top level"

[[ -f "dist/$sums" ]] || fail "no dist/$sums"
# What `release` would upload as the manifest (see .goreleaser.yml).
cp terraform-registry-manifest.json "dist/$manifest"
[[ $(wc -l <"dist/$sums") -eq 2 ]] || fail "$sums should list the archive and the manifest, it lists: $(cat "dist/$sums")"
for f in "$zip" "$manifest"; do
  grep -qE "^[0-9a-f]{64}  $f\$" "dist/$sums" || fail "$sums has no sum for $f"
done
(cd dist && sha256sum --check --strict "$sums") || fail "a sum in $sums does not match its file"

tr -d ' \n' <"dist/$manifest" | grep -q '"protocol_versions":\["6.0"\]' ||
  fail "$manifest does not declare protocol_versions [\"6.0\"]: $(cat "dist/$manifest")"

echo "version:  $version"
(cd dist && ls -l -- "$zip" "$sums" "$manifest")
echo "$zip holds: ${entries[*]}"
echo "release-check: ok"
