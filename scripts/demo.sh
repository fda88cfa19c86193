#!/usr/bin/env bash
# The demo: build (done by make), start ramsim on a free loopback port, apply
# examples/demo against it, show the result, prove that a second plan is
# empty, destroy, stop the emulator. Works offline: the provider is used
# through a dev_overrides CLI config in a temporary directory, so there is
# no `terraform init` and nothing is left behind.
# KEEP=1 leaves the emulator running (and the working directory in place).
set -euo pipefail

root=$(cd "$(dirname "$0")/.." && pwd)
bin=${BIN:-$root/bin}
keep=${KEEP:-}
work=$(mktemp -d "${TMPDIR:-/tmp}/mseram-demo.XXXXXX")
ramsim_pid=""

cleanup() {
  if [[ -n "$keep" ]]; then return; fi
  if [[ -n "$ramsim_pid" ]] && kill -0 "$ramsim_pid" 2>/dev/null; then
    kill -TERM "$ramsim_pid"; wait "$ramsim_pid" 2>/dev/null || true
  fi
  rm -rf "$work"
}
trap cleanup EXIT

# shellcheck source=scripts/start-ramsim.sh
. "$root/scripts/start-ramsim.sh"

step() { printf '\n\033[1m==> %s\033[0m\n' "$*"; }

for f in "$bin/terraform-provider-mseram" "$bin/ramsim"; do
  [[ -x "$f" ]] || { echo "missing $f: run 'make build' first" >&2; exit 1; }
done
command -v terraform >/dev/null || { echo "terraform is not on PATH" >&2; exit 1; }

step "Starting ramsim (local RAM/IMS/ResourceManager/STS emulator)"
start_ramsim "$bin/ramsim" "$work" -state "$work/ramsim-state.json"

cat >"$work/terraform.rc" <<RC
disable_checkpoint = true
provider_installation {
  dev_overrides {
    "registry.terraform.io/mseram/mseram" = "$bin"
  }
  direct {
    exclude = ["registry.terraform.io/*/*"]
  }
}
RC
cp "$root"/examples/demo/*.tf "$work/"

# Plain output when not on a terminal (CI logs).
tfflags=(-input=false -compact-warnings)
[[ -t 1 ]] || tfflags+=(-no-color)

export TF_CLI_CONFIG_FILE="$work/terraform.rc" TF_IN_AUTOMATION=1 CHECKPOINT_DISABLE=1
export ALIBABA_CLOUD_ACCESS_KEY_ID=ramsim ALIBABA_CLOUD_ACCESS_KEY_SECRET=ramsim-secret
export ALIBABA_CLOUD_ENDPOINT_RAM=$url ALIBABA_CLOUD_ENDPOINT_IMS=$url \
  ALIBABA_CLOUD_ENDPOINT_RESOURCEMANAGER=$url ALIBABA_CLOUD_ENDPOINT_STS=$url
cd "$work"

step "terraform apply"
terraform apply -auto-approve "${tfflags[@]}"

step "What Terraform now manages"
terraform state list
terraform output -no-color

step "Who may do what (computed offline by mseram_access_check)"
terraform output -raw who_may_do_what
echo

step "Proving it with real calls, signed with the keys just created"
declare -A key_id key_secret
while read -r who id secret; do
  key_id[$who]=$id key_secret[$who]=$secret
done < <(terraform output -raw credentials; echo)
nacos="InstanceId=mse-cn-0pp1j8om80a NamespaceId=3fd98c48-a709-4061-bba1-e341d79d681b Group=DEFAULT_GROUP"
gw="GatewayUniqueId=gw-8090caa2a3ab447a8bc5fdf3a3ab447a"
failures=0
# prove WHO EXPECTED CALL [Name=Value ...]: make the call as WHO and compare
# the outcome (allow: exit 0; deny: exit 3, NoPermission) with EXPECTED.
prove() {
  local who=$1 want=$2 call=$3; shift 3
  local rc=0
  "$bin/ramsim" call -endpoint "$url" -access-key-id "${key_id[$who]}" -access-key-secret "${key_secret[$who]}" \
    "$call" "$@" >/dev/null 2>"$work/call.err" || rc=$?
  local got=other
  case $rc in 0) got=allow ;; 3) got=deny ;; esac
  if [[ $got == "$want" ]]; then
    printf '  ok    %-12s %-24s %s\n' "$who" "$call" "$got"
  else
    printf '  FAIL  %-12s %-24s want %s, got exit %d: %s\n' "$who" "$call" "$want" "$rc" "$(cat "$work/call.err")"
    failures=$((failures + 1))
  fi
}
# shellcheck disable=SC2086 # the parameter lists are meant to split
{
  prove dev-zhang allow mse:GetNacosConfig $nacos DataId=prod.yaml
  prove dev-zhang allow mse:UpdateNacosConfig $nacos DataId=prod.yaml Content=replicas=4
  prove dev-zhang deny mse:UpdateNacosConfig $nacos DataId=dev.yaml Content=replicas=9
  prove dev-zhang deny mse:AddGatewayRoute $gw Name=dev-route
  prove gw-operator allow mse:AddGatewayRoute $gw Name=demo-route
  prove gw-operator deny mse:GetNacosConfig $nacos DataId=prod.yaml
  prove mse-ops allow mse:UpdateNacosConfig $nacos DataId=dev.yaml Content=replicas=2
  prove mse-ops deny ram:CreateUser UserName=made-by-ops
}
if [[ $failures -ne 0 ]]; then
  echo "FAIL: $failures call(s) did not match the table" >&2; exit 1
fi
echo "Every call matched the table."

step "Second plan: must be empty"
set +e
terraform plan -detailed-exitcode "${tfflags[@]}" >"$work/plan2.txt" 2>&1
rc=$?
set -e
if [[ $rc -ne 0 ]]; then
  cat "$work/plan2.txt"; echo "FAIL: the second plan is not empty (exit $rc)" >&2; exit 1
fi
echo "No changes: the infrastructure matches the configuration."

if [[ -n "$keep" ]]; then
  step "KEEP=1: leaving the emulator running"
  cat <<MSG
ramsim (pid $ramsim_pid) serves $url; working directory: $work
Use it from another shell:
  export TF_CLI_CONFIG_FILE=$work/terraform.rc
  export ALIBABA_CLOUD_ACCESS_KEY_ID=ramsim ALIBABA_CLOUD_ACCESS_KEY_SECRET=ramsim-secret
  export ALIBABA_CLOUD_ENDPOINT_RAM=$url ALIBABA_CLOUD_ENDPOINT_IMS=$url ALIBABA_CLOUD_ENDPOINT_RESOURCEMANAGER=$url ALIBABA_CLOUD_ENDPOINT_STS=$url
  cd $work && terraform plan
Call MSE or RAM as one of the demo's users (exit status 0: allowed, 3: refused):
  $bin/ramsim call -endpoint $url -access-key-id ${key_id[dev-zhang]} -access-key-secret <secret from 'terraform output -raw credentials'> mse:ListClusters RegionId=cn-hangzhou
Stop it with: kill $ramsim_pid   (it saves its state to $work/ramsim-state.json)
MSG
  exit 0
fi

step "terraform destroy"
terraform destroy -auto-approve "${tfflags[@]}"

step "Stopping ramsim"
kill -TERM "$ramsim_pid"
wait "$ramsim_pid"
ramsim_pid=""
echo "Demo finished: applied, verified an empty second plan, destroyed."
