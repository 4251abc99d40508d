#!/usr/bin/env bash
# Fuzzes one target longer than mvn verify does (25 s): scripts/fuzz.sh TARGET [SECONDS], TARGET one of
#   nuxt (NuxtPayloadReaderFuzzTest), bundle (BundleJsonFuzzTest), sanitizer (HtmlSanitizerFuzzTest),
#   renderer (AnswerRendererFuzzTest); SECONDS defaults to 600.
# It runs the pom's own fuzzing execution for the target (same JVM flags, same instrumented packages) with
# libFuzzer's -max_total_time raised. The corpus it grows stays in .cifuzz-corpus/ (ignored by git) and feeds
# the next run; a finding fails the run and lands as crash-<sha1> in the target's inputs directory under
# src/test/resources, where every mvn test replays it (see docs/fuzzing.md).
set -euo pipefail
cd "$(dirname "$0")/.."
case "${1:-}" in
  nuxt) execution=fuzz-nuxt-payload ;;
  bundle) execution=fuzz-bundle-json ;;
  sanitizer) execution=fuzz-sanitizer ;;
  renderer) execution=fuzz-answer-renderer ;;
  *) echo "usage: $0 nuxt|bundle|sanitizer|renderer [SECONDS]" >&2; exit 2 ;;
esac
seconds=${2:-600}
mvn -q test-compile
# Jazzer appends the JUnit configuration parameters jazzer.internal.arg.1… (read from system properties) to
# libFuzzer's command line after its own flags, so this -max_total_time wins over the annotation's maxDuration.
mvn "surefire:test@$execution" -Djazzer.internal.arg.0=fuzz "-Djazzer.internal.arg.1=-max_total_time=$seconds"
