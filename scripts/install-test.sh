#!/usr/bin/env bash
# The install test: installs the snapshot that scripts/release-check.sh left
# in dist/ the way users install providers, with `terraform init` (no
# dev_overrides), then plans, applies and destroys examples/demo against
# ramsim. Offline: the CLI configuration's only installation method is a
# filesystem mirror, laid out as `terraform providers mirror` lays it out
# (the packed layout: <host>/<namespace>/<type>/<the release's zip>).
#   1. The lock file a registry install writes records the zh: hashes of
#      _SHA256SUMS; with such a lock, init must refuse an archive whose sum
#      differs, and install the one whose sum matches.
#   2. Without a lock, init installs from the mirror and writes
#      .terraform.lock.hcl.
#   3. plan (the provider's log must carry the snapshot's version, set by
#      the release build's -ldflags), apply, an empty second plan, destroy.
set -euo pipefail

root=$(cd "$(dirname "$0")/.." && pwd)
cd "$root"
name=terraform-provider-mseram
source_addr=registry.terraform.io/mseram/mseram

step() { printf '\n==> %s\n' "$*"; }
fail() { echo "install-test: $*" >&2; exit 1; }
command -v terraform >/dev/null || fail "terraform is not on PATH"

version=$(sed -n 's/.*"version": *"\([^"]*\)".*/\1/p' dist/metadata.json 2>/dev/null) ||
  fail "no dist/metadata.json: run 'make release-check' first"
[[ -n "$version" ]] || fail "no version in dist/metadata.json"
platform=$(go env GOOS)_$(go env GOARCH)
zip=${name}_${version}_${platform}.zip
sums=dist/${name}_${version}_SHA256SUMS
[[ -f "dist/$zip" && -f "$sums" ]] || fail "dist/ has no $zip and SHA256SUMS: run 'make release-check' first"
zip_sum=$(awk -v f="$zip" '$2 == f { print $1 }' "$sums")
other_sum=$(awk -v f="$zip" '$2 != f { print $1; exit }' "$sums")
[[ -n "$zip_sum" && -n "$other_sum" ]] || fail "$sums lacks the archive's sum or another one"

work=$(mktemp -d "${TMPDIR:-/tmp}/mseram-install.XXXXXX")
# shellcheck source=scripts/lib/ramsim.sh
source "$root/scripts/lib/ramsim.sh"
cleanup() {
  stop_ramsim || true
  rm -rf "$work"
}
trap cleanup EXIT

step "Filesystem mirror of $name $version ($platform)"
mkdir -p "$work/mirror/$source_addr"
cp "dist/$zip" "$work/mirror/$source_addr/"
(cd "$work/mirror" && find . -type f | sort)
cat >"$work/terraform.rc" <<RC
disable_checkpoint = true
provider_installation {
  filesystem_mirror {
    path    = "$work/mirror"
    include = ["$source_addr"]
  }
}
RC
cat "$work/terraform.rc"
unset TF_PLUGIN_CACHE_DIR TF_CLI_ARGS TF_CLI_ARGS_init TF_LOG TF_LOG_PROVIDER TF_LOG_PATH
export TF_CLI_CONFIG_FILE="$work/terraform.rc" TF_IN_AUTOMATION=1 CHECKPOINT_DISABLE=1
tfflags=(-input=false -no-color)

# config DIR copies examples/demo into DIR. A prerelease version (a
# snapshot's) is chosen only by an exact constraint, so an override file
# pins the version under test.
config() {
  mkdir -p "$1"
  cp examples/demo/*.tf "$1/"
  cat >"$1/versions_override.tf" <<TF
terraform {
  required_providers {
    mseram = {
      source  = "mseram/mseram"
      version = "$version"
    }
  }
}
TF
}

# lock DIR SUM writes the lock file a registry install of this version
# leaves, recording SUM as the archive's zh: hash.
lock() {
  cat >"$1/.terraform.lock.hcl" <<HCL
provider "$source_addr" {
  version     = "$version"
  constraints = "$version"
  hashes = [
    "zh:$2",
  ]
}
HCL
}

step "terraform init refuses an archive that does not match the lock file's checksum"
config "$work/tampered"
lock "$work/tampered" "$other_sum"
if terraform -chdir="$work/tampered" init "${tfflags[@]}" >"$work/tampered.out" 2>&1; then
  cat "$work/tampered.out"; fail "terraform init accepted an archive whose checksum is not in the lock file"
fi
grep -q "checksum" "$work/tampered.out" || { cat "$work/tampered.out"; fail "terraform init failed, but not on the checksum"; }
grep -A4 "^Error:" "$work/tampered.out"

step "terraform init verifies the archive against the sum of $(basename "$sums")"
config "$work/locked"
lock "$work/locked" "$zip_sum"
terraform -chdir="$work/locked" init "${tfflags[@]}" >"$work/locked.out" 2>&1 || { cat "$work/locked.out"; fail "terraform init refused the released archive"; }
grep -q "zh:$zip_sum" "$work/locked/.terraform.lock.hcl" || fail "the lock file lost the archive's sum"
verified_h1=$(grep -o '"h1:[^"]*"' "$work/locked/.terraform.lock.hcl") || fail "init recorded no h1: hash beside the archive's sum"
echo "installed; the lock file keeps zh:$zip_sum and adds $verified_h1"

step "terraform init (no lock file, no dev_overrides)"
cfg=$work/config
config "$cfg"
terraform -chdir="$cfg" init "${tfflags[@]}" | tee "$work/init.out"
installed=$cfg/.terraform/providers/$source_addr/$version/$platform/${name}_v${version}
[[ -x "$installed" ]] || fail "init did not install $installed"
grep -q "version *= \"$version\"" "$cfg/.terraform.lock.hcl" || fail ".terraform.lock.hcl does not record $version"
grep -qF "$verified_h1" "$cfg/.terraform.lock.hcl" ||
  fail ".terraform.lock.hcl does not record $verified_h1, the hash of the package whose archive matched the published sum"
echo "--- .terraform.lock.hcl"
cat "$cfg/.terraform.lock.hcl"

step "Starting ramsim"
go build -o "$work/ramsim" ./cmd/ramsim
start_ramsim "$work/ramsim" "$work"
ramsim_provider_env

step "terraform plan (provider log at debug level)"
TF_LOG_PROVIDER=debug TF_LOG_PATH="$work/provider.log" terraform -chdir="$cfg" plan "${tfflags[@]}" -out="$work/plan" >"$work/plan.out" 2>&1 ||
  { cat "$work/plan.out"; fail "terraform plan failed"; }
grep "^Plan:" "$work/plan.out"
grep -q "provider_version=$version" "$work/provider.log" ||
  fail "the provider's log does not carry provider_version=$version: does the release's -ldflags set main.version?"
echo "the provider logs provider_version=$version"
grep -q "dev_overrides\|Provider development overrides" "$work/plan.out" && fail "a development override is in effect"

step "terraform apply"
terraform -chdir="$cfg" apply "${tfflags[@]}" "$work/plan" >"$work/apply.out" 2>&1 || { cat "$work/apply.out"; fail "terraform apply failed"; }
grep "^Apply complete" "$work/apply.out"

step "Second plan: must be empty"
rc=0
terraform -chdir="$cfg" plan "${tfflags[@]}" -detailed-exitcode >"$work/plan2.out" 2>&1 || rc=$?
[[ $rc -eq 0 ]] || { cat "$work/plan2.out"; fail "the second plan is not empty (exit $rc)"; }
echo "No changes."

step "terraform destroy"
terraform -chdir="$cfg" destroy -auto-approve "${tfflags[@]}" >"$work/destroy.out" 2>&1 || { cat "$work/destroy.out"; fail "terraform destroy failed"; }
grep "^Destroy complete" "$work/destroy.out"
stop_ramsim

echo "install-test: ok ($name $version installed from a filesystem mirror by terraform init)"
