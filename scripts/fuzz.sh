#!/usr/bin/env bash
# Runs every Go fuzz target of the repository (func FuzzXxx in a _test.go
# file) for the given number of seconds each, default 10:
#   scripts/fuzz.sh        # 10 s per target
#   scripts/fuzz.sh 60     # a longer local run
# Targets run one after another (go test -fuzz takes one target of one
# package at a time). A crash fails the script; Go writes the failing input
# to <package>/testdata/fuzz/<FuzzName>/, where it then runs as a regular
# test case with `go test` until fixed. FUZZ_ARGS adds go test flags (for
# example FUZZ_ARGS=-parallel=1 on a busy machine).
set -euo pipefail

secs=${1:-10}
if ! [[ "$secs" =~ ^[0-9]+$ ]] || [[ "$secs" -eq 0 ]]; then
  echo "usage: $0 [seconds per target, default 10]" >&2
  exit 2
fi
root=$(cd "$(dirname "$0")/.." && pwd)
cd "$root"

# "<dir> <FuzzName>" per target, sorted, from the test sources.
mapfile -t targets < <(
  grep -rHoE --include='*_test.go' '^func Fuzz[A-Za-z0-9_]+\(' internal cmd |
    sed -E 's#^(.*)/[^/]+_test\.go:func (Fuzz[A-Za-z0-9_]+)\($#\1 \2#' | sort -u
)
if [[ ${#targets[@]} -eq 0 ]]; then
  echo "no fuzz targets found" >&2
  exit 1
fi

out=$(mktemp)
trap 'rm -f "$out"' EXIT

# fuzz runs one target; 0 when it passed.
fuzz() {
  # shellcheck disable=SC2086 # FUZZ_ARGS is a list of flags
  go test ${FUZZ_ARGS:-} -run '^$' -fuzz "^$2\$" -fuzztime "${secs}s" "./$1" 2>&1 | tee "$out"
  return "${PIPESTATUS[0]}"
}

failed=()
for t in "${targets[@]}"; do
  read -r dir name <<<"$t"
  echo "=== $name (./$dir, ${secs}s)"
  if fuzz "$dir" "$name"; then continue; fi
  # Go's fuzzing coordinator sometimes ends a run that found nothing with
  # "context deadline exceeded" (a worker still busy when -fuzztime runs
  # out, seen on loaded 2-core machines). No input is written then; run
  # the target once more. A real crash says "Failing input written".
  if grep -q 'context deadline exceeded' "$out" && ! grep -q 'Failing input written' "$out"; then
    echo "=== $name: the run ended with 'context deadline exceeded' and no failing input; running it again"
    if fuzz "$dir" "$name"; then continue; fi
  fi
  failed+=("$name (./$dir)")
done

echo "=== ${#targets[@]} fuzz targets, ${#failed[@]} failed"
if [[ ${#failed[@]} -gt 0 ]]; then
  printf '  FAIL %s\n' "${failed[@]}"
  exit 1
fi
