#!/usr/bin/env bash
# Page serving over HTTP on loopback: a question page from the page cache, the same page rendered for a reader
# with the visitor cookie (the cache is bypassed), and /health as the baseline, in one run (wrk, 10 s each).
# Usage: scripts/bench-pages.sh   (builds the jar, serves the demo content on the embedded database)
set -euo pipefail
cd "$(dirname "$0")/.."
work=$(mktemp -d)
trap 'kill -TERM ${pid:-0} 2>/dev/null || true; sleep 2; rm -rf "$work"' EXIT
mvn -q -DskipTests package
command -v wrk >/dev/null || { apt-get update -qq && apt-get install -y -qq wrk >/dev/null; }
port=$(( 20000 + RANDOM % 20000 ))
java -jar target/komek.jar serve --port "$port" --data "$work/data" >"$work/serve.log" 2>&1 &
pid=$!
for _ in $(seq 1 120); do curl -fsS -o /dev/null "http://localhost:$port/health" 2>/dev/null && break; sleep 1; done
page="http://localhost:$port/client/kz/bonus/save/general/q462"
echo "== question page, cached"
wrk -t2 -c8 -d10s -H "User-Agent: Mozilla/5.0" "$page" | grep -E "Latency|Requests/sec"
echo "== question page, rendered (visitor cookie: never cached)"
wrk -t2 -c8 -d10s -H "User-Agent: Mozilla/5.0" -H "Cookie: komek_visitor=AAAAAAAAAAAAAAAAAAAAAA" "$page" \
    | grep -E "Latency|Requests/sec"
echo "== baseline: /health"
wrk -t2 -c8 -d10s "http://localhost:$port/health" | grep -E "Latency|Requests/sec"
