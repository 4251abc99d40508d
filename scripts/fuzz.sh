#!/usr/bin/env bash
# Fuzzes longer than mvn verify does, from a fresh random seed: scripts/fuzz.sh TARGET [SECONDS], TARGET one of
#   nuxt (NuxtPayloadReaderFuzzTest), bundle (BundleJsonFuzzTest), sanitizer (HtmlSanitizerFuzzTest),
#   renderer (AnswerRendererFuzzTest), or all (each in turn, SECONDS each); SECONDS defaults to 600.
# mvn verify fuzzes a fixed number of inputs from a fixed seed, so that CI judges a commit as the machine that
# pushed it did; new ground is broken here. It runs the pom's own fuzzing execution for the target (same JVM
# flags, same instrumented packages) with libFuzzer's seed random, its run limit lifted and -max_total_time set.
# The corpus it grows stays in .cifuzz-corpus/ (ignored by git) and feeds the next run; a finding fails the run
# and lands as crash-<sha1> in the target's inputs directory under src/test/resources, where every mvn test
# replays it (see docs/fuzzing.md).
set -euo pipefail
cd "$(dirname "$0")/.."
execution_of() {
  case "$1" in
    nuxt) echo fuzz-nuxt-payload ;;
    bundle) echo fuzz-bundle-json ;;
    sanitizer) echo fuzz-sanitizer ;;
    renderer) echo fuzz-answer-renderer ;;
    *) echo "usage: $0 nuxt|bundle|sanitizer|renderer|all [SECONDS]" >&2; exit 2 ;;
  esac
}
case "${1:-}" in
  all) targets="nuxt bundle sanitizer renderer" ;;
  *) execution_of "${1:-}" > /dev/null; targets=$1 ;;
esac
seconds=${2:-600}
[[ "$seconds" =~ ^[1-9][0-9]*$ ]] || { echo "SECONDS must be a positive whole number, not '$seconds'" >&2; exit 2; }
mvn -q test-compile
for target in $targets; do
  # Jazzer appends the JUnit configuration parameters jazzer.internal.arg.N (read from system properties) to
  # libFuzzer's command line after its own flags, and libFuzzer takes the last of a repeated flag, so these win
  # over the annotation's maxExecutions and maxDuration. Seed 0 asks libFuzzer for a random one.
  mvn "surefire:test@$(execution_of "$target")" -Dkomek.fuzz.seed=0 \
    -Djazzer.internal.arg.2=-runs=-1 "-Djazzer.internal.arg.3=-max_total_time=$seconds"
done
