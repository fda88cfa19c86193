# shellcheck shell=bash
# Sourced by scripts/demo.sh, scripts/install-test.sh and
# scripts/testacc-cloud.sh: start ramsim on a
# free loopback port, point the provider's environment at it, stop it.

# start_ramsim RAMSIM DIR [FLAG...] starts the ramsim binary RAMSIM with
# FLAG... and its state, output and log in DIR and waits for its ready line;
# it sets ramsim_pid and ramsim_url, or prints ramsim's log and returns 1.
start_ramsim() {
  local ramsim=$1 dir=$2 line=""
  shift 2
  "$ramsim" -addr 127.0.0.1:0 -state "$dir/ramsim-state.json" "$@" >"$dir/ramsim.out" 2>"$dir/ramsim.log" &
  ramsim_pid=$!
  for _ in $(seq 150); do # up to 15 s for the ready line
    line=$(head -n 1 "$dir/ramsim.out")
    [[ -n "$line" ]] && break
    kill -0 "$ramsim_pid" 2>/dev/null || break
    sleep 0.1
  done
  if [[ "$line" != "ramsim listening on "* ]]; then
    echo "ramsim did not start; its log:" >&2
    cat "$dir/ramsim.log" >&2
    return 1
  fi
  ramsim_url=${line#ramsim listening on }
  echo "$line"
}

# ramsim_provider_env exports the credentials ramsim accepts and its URL as
# every endpoint the provider calls.
ramsim_provider_env() {
  export ALIBABA_CLOUD_ACCESS_KEY_ID=ramsim ALIBABA_CLOUD_ACCESS_KEY_SECRET=ramsim-secret
  export ALIBABA_CLOUD_ENDPOINT_RAM=$ramsim_url ALIBABA_CLOUD_ENDPOINT_IMS=$ramsim_url \
    ALIBABA_CLOUD_ENDPOINT_RESOURCEMANAGER=$ramsim_url ALIBABA_CLOUD_ENDPOINT_STS=$ramsim_url
}

# stop_ramsim stops the ramsim that start_ramsim started, if it runs, and
# returns its exit status (non-zero if it failed to save its state).
stop_ramsim() {
  local pid=${ramsim_pid:-} rc=0
  ramsim_pid=""
  if [[ -n "$pid" ]] && kill -0 "$pid" 2>/dev/null; then
    kill -TERM "$pid"
    wait "$pid" || rc=$?
  fi
  return "$rc"
}
