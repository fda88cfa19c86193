# Sourced by scripts that run ramsim as a process of their own (demo.sh,
# testacc-cloud.sh); defines one function.
#
# start_ramsim BINARY WORKDIR [FLAG...] starts BINARY -addr 127.0.0.1:0
# FLAG... in the background, its stdout in WORKDIR/ramsim.out and its log in
# WORKDIR/ramsim.log, and waits up to 30 s for the one line it prints when
# ready. It sets ramsim_pid and url, and echoes the line; if ramsim does not
# come up it prints the log and exits the script.
start_ramsim() {
  local binary=$1 dir=$2 line=""
  shift 2
  "$binary" -addr 127.0.0.1:0 "$@" >"$dir/ramsim.out" 2>"$dir/ramsim.log" &
  ramsim_pid=$!
  for _ in $(seq 300); do
    line=$(head -n 1 "$dir/ramsim.out")
    [[ -n "$line" ]] && break
    kill -0 "$ramsim_pid" 2>/dev/null || break
    sleep 0.1
  done
  [[ "$line" == "ramsim listening on "* ]] || { echo "ramsim did not start; its log:" >&2; cat "$dir/ramsim.log" >&2; exit 1; }
  url=${line#ramsim listening on }
  echo "$line"
}
