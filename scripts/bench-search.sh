#!/usr/bin/env bash
# Search at scale: generates a realistic bundle of N questions (default 100,000), then
#  1. in-process: index build time, p50/p99 of 1,000 mixed queries and of suggestions, beside the baseline
#     (StandardAnalyzer, one OR query) on the same queries;
#  2. over HTTP: a server on the embedded database with the bundle imported, wrk on loopback against
#     /api/v1/search with the same kinds of queries, beside wrk against /health in the same run.
# Figures go to docs/benchmarks.md with this command line.
set -euo pipefail
cd "$(dirname "$0")/.."
n=${1:-100000}
work=$(mktemp -d)
trap 'kill -TERM ${pid:-0} 2>/dev/null || true; sleep 2; rm -rf "$work"' EXIT

mvn -q -DskipTests package test-compile
mvn -q dependency:build-classpath -Dmdep.outputFile=target/bench.classpath -Dmdep.includeScope=test >/dev/null
cp="target/test-classes:target/classes:$(cat target/bench.classpath)"

echo "== generate $n questions"
/usr/bin/time -f "generate: %e s, max RSS %M KB" java -jar target/komek.jar generate --questions "$n" --seed 7 --out "$work/bundle.json"
ls -la "$work/bundle.json"

echo "== in-process"
java -Xmx4g -cp "$cp" kz.komek.bench.SearchBenchmark "$work/bundle.json" 1000

echo "== over HTTP (wrk, loopback)"
command -v wrk >/dev/null || { apt-get update -qq && apt-get install -y -qq wrk >/dev/null; }
java -jar target/komek.jar import "$work/bundle.json" --data "$work/data" >/dev/null
port=$(( 20000 + RANDOM % 20000 ))
java -Xmx2g -jar target/komek.jar serve --no-demo --port "$port" --data "$work/data" >"$work/serve.log" 2>&1 &
pid=$!
for _ in $(seq 1 600); do grep -q "search index rebuilt" "$work/serve.log" && grep -q "komek ready" "$work/serve.log" && break; sleep 1; done
grep -E "ready|rebuilt" "$work/serve.log"
wrk -t2 -c16 -d20s -s scripts/wrk-search.lua "http://localhost:$port/api/v1/search" | sed -n '1,12p'
echo "-- baseline: /health in the same run"
wrk -t2 -c16 -d20s "http://localhost:$port/health" | sed -n '1,12p'
