#!/usr/bin/env bash
# Import and export at scale (issue 15): scripts/bench-import.sh [QUESTIONS=100000] [HEAP=256m]
# Builds the jar and copies it to a temp dir (never run from target/), generates a bundle of QUESTIONS questions
# (generate --seed 7), then prints, in one run:
#  1. baselines on the same file: `cat FILE > /dev/null` (reading its bytes) and one plain Jackson streaming pass
#     reading each question as a tree and counting them (bench/CountQuestions: no checks, no database);
#  2. import into a fresh embedded database (--data DIR) with -XmxHEAP: wall time (JVM and PostgreSQL start
#     included), questions/s, peak RSS of the java process (VmHWM, sampled every 0.2 s), its progress lines;
#  3. the same import again (everything unchanged: compared, nothing written);
#  4. export with -XmxHEAP to a file: the same figures, and whether it is the generated file byte for byte; then
#     the export again (the first reads after an import set hint bits on every row).
# Record the output in docs/benchmarks.md with this command line.
set -euo pipefail
cd "$(dirname "$0")/.."
n=${1:-100000}
heap=${2:-256m}
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT

mvn -q -o -DskipTests -Dkomek.fuzz.skip package test-compile
cp target/komek.jar "$work/komek.jar"
cp -r target/test-classes "$work/test-classes"
echo "== machine: $(nproc) cores, $(java -version 2>&1 | head -1), load $(cut -d' ' -f1-3 /proc/loadavg)"

echo "== generate $n questions"
timeout 600 java -jar "$work/komek.jar" generate --questions "$n" --seed 7 --out "$work/bundle.json" 2>&1 | tail -1
size=$(stat -c %s "$work/bundle.json")

# measure NAME CMD…: runs CMD (a java process) with a time limit, samples its VmHWM, prints wall time and peak RSS;
# its standard error (the progress lines) goes to $work/NAME.err, kept for the summary
measure() {
  local name=$1; shift
  local started ended hwm=0 h pid
  started=$(date +%s.%N)
  timeout 900 "$@" >"$work/$name.out" 2>"$work/$name.err" &
  pid=$!
  # the java process is timeout's child
  local java=""
  while kill -0 "$pid" 2>/dev/null; do
    [ -z "$java" ] && java=$(pgrep -P "$pid" java || true)
    if [ -n "$java" ]; then
      h=$(awk '/VmHWM/ {print $2}' "/proc/$java/status" 2>/dev/null || echo 0)
      [ -n "$h" ] && [ "$h" -gt "$hwm" ] && hwm=$h
    fi
    sleep 0.2
  done
  wait "$pid"
  ended=$(date +%s.%N)
  local secs
  secs=$(echo "$ended - $started" | bc)
  eval "${name}_secs=$secs"
  printf '%-22s %7.1f s  %8.0f questions/s  peak RSS %5d MB\n' "$name" "$secs" "$(echo "$n / $secs" | bc -l)" $((hwm / 1024))
  grep -E "took|left" "$work/$name.err" | tail -3 | sed 's/^/    /' || true
}

echo "== baselines on the same file ($((size / 1000000)) MB)"
started=$(date +%s.%N)
cat "$work/bundle.json" >/dev/null
cat_secs=$(echo "$(date +%s.%N) - $started" | bc)
printf '%-22s %7.2f s\n' "cat > /dev/null" "$cat_secs"
pass=$(java -Xmx$heap -cp "$work/komek.jar:$work/test-classes" kz.komek.bench.CountQuestions "$work/bundle.json")
pass_secs=$(echo "$pass" | grep -oE '[0-9.]+ s' | cut -d' ' -f1)
printf '%-22s %7.2f s  (%s)\n' "jackson pass" "$pass_secs" "$pass"

echo "== import, export (-Xmx$heap, embedded PostgreSQL in a fresh --data)"
measure import java "-Xmx$heap" -jar "$work/komek.jar" import "$work/bundle.json" --data "$work/data"
grep -E "^questions:" "$work/import.out"
measure reimport java "-Xmx$heap" -jar "$work/komek.jar" import "$work/bundle.json" --data "$work/data"
grep -E "^questions:" "$work/reimport.out"
measure export java "-Xmx$heap" -jar "$work/komek.jar" export "$work/exported.json" --data "$work/data"
if cmp -s "$work/exported.json" "$work/bundle.json"; then echo "export is the generated file byte for byte"; else echo "export DIFFERS from the generated file"; fi
# the first reads after an import set every row's hint bits (PostgreSQL writes those pages again); a second export
# reads settled rows
measure export_again java "-Xmx$heap" -jar "$work/komek.jar" export "$work/exported.json" --data "$work/data"

echo "== ratios to the jackson pass"
printf 'import %.1f×, re-import %.1f×, export %.1f×, export again %.1f×\n' \
  "$(echo "$import_secs / $pass_secs" | bc -l)" "$(echo "$reimport_secs / $pass_secs" | bc -l)" \
  "$(echo "$export_secs / $pass_secs" | bc -l)" "$(echo "$export_again_secs / $pass_secs" | bc -l)"
