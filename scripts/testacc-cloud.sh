#!/usr/bin/env bash
# make testacc-cloud: the resource and data-source acceptance suites on the
# cloud backend (MSERAM_ACC_BACKEND=cloud), then the sweepers.
#
# Two uses:
#   - A real account: export ALIBABA_CLOUD_ACCESS_KEY_ID and
#     ALIBABA_CLOUD_ACCESS_KEY_SECRET (CONTRIBUTING.md says which
#     permissions), then `make testacc-cloud`.
#   - MSERAM_ACC_EXTERNAL_RAMSIM=1: the same run against a ramsim started
#     here as its own process, with a root key and an account id of its
#     own, reached only through the variables a real account is reached
#     by (ALIBABA_CLOUD_ACCESS_KEY_*, ALIBABA_CLOUD_ENDPOINT_*). Before the
#     sweep it plants leftovers, and it checks that the sweep deleted
#     exactly those of the acceptance tests' form.
#
# TESTRUN narrows the tests (a go test -run pattern, default ^TestAcc);
# TESTPARALLEL sets how many run at once per package (default 8).
set -euo pipefail

root=$(cd "$(dirname "$0")/.." && pwd)
go=${GO:-go}
terraform=${TERRAFORM:-$(command -v terraform || true)}
[[ -n "$terraform" ]] || { echo "terraform is not on PATH: acceptance tests need the Terraform CLI" >&2; exit 1; }
work=$(mktemp -d "${TMPDIR:-/tmp}/mseram-testacc-cloud.XXXXXX")
ramsim_pid=""
keep_work=""

cleanup() {
  if [[ -n "$ramsim_pid" ]] && kill -0 "$ramsim_pid" 2>/dev/null; then
    kill -TERM "$ramsim_pid"; wait "$ramsim_pid" 2>/dev/null || true
  fi
  if [[ -n "$keep_work" ]]; then
    echo "logs kept in $work (test.log: go test -v output; sweep.log)" >&2
  else
    rm -rf "$work"
  fi
}
trap cleanup EXIT

# shellcheck source=scripts/lib/ramsim.sh
. "$root/scripts/lib/ramsim.sh"

step() { printf '\n==> %s\n' "$*"; }

external=""
if [[ "${MSERAM_ACC_EXTERNAL_RAMSIM:-}" == 1 ]]; then
  external=1
  step "Starting ramsim as a process of its own"
  "$go" build -o "$work/ramsim" "$root/cmd/ramsim"
  # Nothing of the in-process harness: another account id, a random root key.
  key_id="acc-$(od -An -N6 -tx1 /dev/urandom | tr -d ' \n')"
  key_secret="$(od -An -N16 -tx1 /dev/urandom | tr -d ' \n')"
  start_ramsim "$work/ramsim" "$work" -account-id 5100200030004000 -access-key-id "$key_id" -access-key-secret "$key_secret"
  # Only what a real account would be reached by: no other credential
  # source may be picked up instead.
  while read -r v; do unset "$v"; done < <(env | sed -n 's/^\(ALIBABA_CLOUD_[A-Z_]*\|ALICLOUD_[A-Z_]*\|ALIBABACLOUD_[A-Z_]*\)=.*/\1/p')
  export ALIBABA_CLOUD_ACCESS_KEY_ID=$key_id ALIBABA_CLOUD_ACCESS_KEY_SECRET=$key_secret
  export ALIBABA_CLOUD_ENDPOINT_RAM=$ramsim_url ALIBABA_CLOUD_ENDPOINT_IMS=$ramsim_url \
    ALIBABA_CLOUD_ENDPOINT_RESOURCEMANAGER=$ramsim_url ALIBABA_CLOUD_ENDPOINT_STS=$ramsim_url
else
  if [[ -z "${ALIBABA_CLOUD_ACCESS_KEY_ID:-}" || -z "${ALIBABA_CLOUD_ACCESS_KEY_SECRET:-}" ]]; then
    cat >&2 <<MSG
make testacc-cloud runs the acceptance tests against a real Alibaba Cloud account:
export ALIBABA_CLOUD_ACCESS_KEY_ID and ALIBABA_CLOUD_ACCESS_KEY_SECRET (see CONTRIBUTING.md).
To prove the cloud path locally instead: MSERAM_ACC_EXTERNAL_RAMSIM=1 make testacc-cloud
MSG
    exit 1
  fi
  step "Running against the account of ${ALIBABA_CLOUD_ACCESS_KEY_ID:0:6}... (RAM objects named tfacc-*, deleted at the end)"
fi

export MSERAM_ACC_BACKEND=cloud TF_ACC=1 TF_ACC_TERRAFORM_PATH="$terraform" \
  TF_CLI_CONFIG_FILE="$root/internal/acctest/testdata/offline.tfrc" CHECKPOINT_DISABLE=1

step "Acceptance tests on the cloud backend"
cd "$root"
start=$(date +%s)
set +e
"$go" test -count=1 -v -timeout 60m -parallel "${TESTPARALLEL:-8}" -run "${TESTRUN:-^TestAcc}" \
  ./internal/resources/ ./internal/datasources/ >"$work/test.log" 2>&1
test_rc=$?
set -e
elapsed=$(($(date +%s) - start))
grep -E '^(--- |ok |FAIL|panic)' "$work/test.log" | grep -v -- '--- PASS' || true
# Top-level results only (subtests are indented).
count() { grep -c -- "^--- $1: " "$work/test.log" || true; }
passed=$(count PASS) failed=$(count FAIL) skipped=$(count SKIP)
echo "acceptance tests on the cloud backend: $passed passed, $failed failed, $skipped skipped in ${elapsed}s"
echo "what ran on the emulator only, and why (how many tests or checks):"
sed -n 's/^ *[a-z_]*\.go:[0-9]*: //p' "$work/test.log" | grep -E '^(ramsim only|acceptance test)' | sort | uniq -c | sort -rn || true

if [[ -n "$external" ]]; then
  # What a real account would have been asked: ramsim's request count.
  calls=$(curl -s "$ramsim_url/__ramsim/counters" | grep -o '"total":{"received":[0-9]*' | grep -o '[0-9]*$' || true)
  echo "API requests the run sent: ${calls:-unknown}"
  step "Planting leftovers for the sweepers"
  call() { "$work/ramsim" call -endpoint "$ramsim_url" "$@" >/dev/null; }
  swept=(tfacc-0sweep01-user tfacc-0sweep01-group tfacc-0sweep01-role tfacc-0sweep01-policy)
  kept=(keep-me tfacc-keep)
  trust='{"Version":"1","Statement":[{"Effect":"Allow","Action":"sts:AssumeRole","Principal":{"RAM":["acs:ram::5100200030004000:root"]}}]}'
  doc='{"Version":"1","Statement":[{"Effect":"Allow","Action":"mse:Get*","Resource":"*"}]}'
  call ram:CreateUser UserName=tfacc-0sweep01-user
  call ram:CreateAccessKey UserName=tfacc-0sweep01-user
  call ram:CreateGroup GroupName=tfacc-0sweep01-group
  call ram:AddUserToGroup GroupName=tfacc-0sweep01-group UserName=tfacc-0sweep01-user
  call ram:CreateRole RoleName=tfacc-0sweep01-role "AssumeRolePolicyDocument=$trust"
  call ram:CreatePolicy PolicyName=tfacc-0sweep01-policy "PolicyDocument=$doc"
  call ram:AttachPolicyToRole RoleName=tfacc-0sweep01-role PolicyName=tfacc-0sweep01-policy PolicyType=Custom
  call ram:CreateUser UserName=keep-me
  call ram:CreateUser UserName=tfacc-keep
  call ram:AttachPolicyToUser UserName=keep-me PolicyName=tfacc-0sweep01-policy PolicyType=Custom
fi

step "Sweepers (make sweep)"
set +e
make -s -C "$root" sweep GO="$go" >"$work/sweep.log" 2>&1
sweep_rc=$?
set -e
grep -E 'swept|sweep|FAIL|ok ' "$work/sweep.log" | tail -40 || true

sweep_check=0
if [[ -n "$external" ]]; then
  step "Checking the sweep"
  exists() { "$work/ramsim" call -endpoint "$ramsim_url" "$@" >/dev/null 2>&1; }
  if exists ram:GetUser UserName=tfacc-0sweep01-user; then echo "FAIL: the planted user survived" >&2; sweep_check=1; fi
  if exists ram:GetGroup GroupName=tfacc-0sweep01-group; then echo "FAIL: the planted group survived" >&2; sweep_check=1; fi
  if exists ram:GetRole RoleName=tfacc-0sweep01-role; then echo "FAIL: the planted role survived" >&2; sweep_check=1; fi
  if exists ram:GetPolicy PolicyName=tfacc-0sweep01-policy PolicyType=Custom; then echo "FAIL: the planted policy survived" >&2; sweep_check=1; fi
  for u in "${kept[@]}"; do
    exists ram:GetUser "UserName=$u" || { echo "FAIL: the sweep deleted $u" >&2; sweep_check=1; }
  done
  left=$("$work/ramsim" call -endpoint "$ramsim_url" ram:ListUsers MaxItems=1000 | grep -o '"tfacc-[a-z0-9]\{8\}-[^"]*"' || true)
  [[ -z "$left" ]] || { echo "FAIL: test users left after the sweep: $left" >&2; sweep_check=1; }
  [[ $sweep_check -ne 0 ]] || echo "The sweep deleted the ${#swept[@]} planted leftovers and every test object, and kept ${kept[*]}."
fi

if [[ $test_rc -ne 0 ]]; then
  keep_work=1
  echo "FAIL: acceptance tests; what the failed ones logged:" >&2
  for t in $(sed -n 's/^--- FAIL: \([^ ]*\).*/\1/p' "$work/test.log"); do
    echo "--- $t" >&2
    awk -v t="$t" '/^(===|---) / {on = ($3 == t); next} on && /^    /' "$work/test.log" | head -60 >&2
  done
fi
[[ $sweep_rc -eq 0 ]] || { keep_work=1; echo "FAIL: sweepers" >&2; cat "$work/sweep.log" >&2; }
[[ $test_rc -eq 0 && $sweep_rc -eq 0 && $sweep_check -eq 0 ]]
