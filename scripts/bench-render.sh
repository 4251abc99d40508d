#!/usr/bin/env bash
# JMH benchmark of answer rendering (issue: answers render right on every platform).
# Prints JMH's table; figures go to docs/benchmarks.md with this command line.
set -euo pipefail
cd "$(dirname "$0")/.."
mvn -q -DskipTests test-compile
mvn -q dependency:build-classpath -Dmdep.outputFile=target/bench.classpath -Dmdep.includeScope=test >/dev/null
cp="target/test-classes:target/classes:$(cat target/bench.classpath)"
java -cp "$cp" org.openjdk.jmh.Main AnswerRenderingBenchmark -f 1 -t 1 -wi 3 -w 2s -i 5 -r 2s "$@"
