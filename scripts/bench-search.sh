#!/usr/bin/env bash
# Search at scale (issue 13): scripts/bench-search.sh [QUESTIONS=100000] [SECONDS=20]
# Generates a bundle of QUESTIONS questions (generate --seed 7), then prints, in one run:
#  1. in-process (SearchBenchmark): index build time; per-query latency and CPU of a mix of kinds beside the
#     baseline (StandardAnalyzer, one OR query) on the same queries; no result cache; then the CPU of first asks
#     of the HTTP runs' own searches (longer, as readers type them) beside the baseline's;
#  2. a server on a copy of the jar with -Xmx512m and the bundle imported: seconds from start to the first page
#     and to a current search index, the server's own rebuild time;
#  3. wrk on loopback (-t2 -c16) while an editor publishes an edit every second: a static asset and /health of
#     the same server (the baselines), then searches and suggestions, each with readers' repetition (Zipf over a
#     pool of distinct queries) and with every query new (no result reused); the page cache plays no part;
#  4. how long after a publish returns search finds the new word, the server's peak RSS;
#  5. the baseline over HTTP (BaselineServer: the one OR query behind the same web server, no result cache) on the
#     same pools: what the obvious alternative serves on this machine in the same run.
# Record the output in docs/benchmarks.md with this command line.
set -euo pipefail
cd "$(dirname "$0")/.."
n=${1:-100000}
seconds=${2:-20}
work=$(mktemp -d)
pid=
publisher=
cleanup() {
  [ -n "$publisher" ] && kill "$publisher" 2>/dev/null || true
  if [ -n "$pid" ]; then kill -TERM "$pid" 2>/dev/null || true; wait "$pid" 2>/dev/null || true; fi
  rm -rf "$work"
}
trap cleanup EXIT

mvn -q -DskipTests -Dkomek.fuzz.skip package test-compile
mvn -q dependency:build-classpath -Dmdep.outputFile=target/bench.classpath -Dmdep.includeScope=test >/dev/null
# benchmark copies: rebuilding target/ under a running server breaks it
cp target/komek.jar "$work/komek.jar"
cp -r target/classes "$work/classes"
cp -r target/test-classes "$work/test-classes"
cp="$work/test-classes:$work/classes:$(cat target/bench.classpath)"
command -v wrk >/dev/null || { apt-get update -qq && apt-get install -y -qq wrk >/dev/null; }
echo "== machine: $(nproc) cores, $(java -version 2>&1 | head -1), load $(cut -d' ' -f1-3 /proc/loadavg)"

echo "== generate $n questions"
java -jar "$work/komek.jar" generate --questions "$n" --seed 7 --out "$work/bundle.json"
java -cp "$cp" kz.komek.bench.SearchQueryPool "$work/bundle.json" "$work" 15000
python3 -c "
import json; b = json.load(open('$work/bundle.json'))
print(' '.join(str(q['id']) for q in b['questions'][:200]))" > "$work/ids.txt"

echo "== in-process (one thread; no result cache)"
java -Xmx2g -cp "$cp" kz.komek.bench.SearchBenchmark "$work/bundle.json" 1000 - "$work/searches-new.txt"

echo "== server: -Xmx512m, the bundle imported, a new index built by the server"
java -jar "$work/komek.jar" import "$work/bundle.json" --data "$work/data" | tail -1
printf 'bench-password-%s\n' "$RANDOM$RANDOM" | java -jar "$work/komek.jar" user add --name bench --role publisher --data "$work/data" >/dev/null
token=$(java -jar "$work/komek.jar" token create --user bench --data "$work/data" | grep -oE '[A-Za-z0-9_-]{30,}' | head -1)
port=$(( 20000 + RANDOM % 20000 ))
base="http://127.0.0.1:$port"
started=$(date +%s.%N)
# /metrics is no public page: read with a token of this run (decision 0041)
export KOMEK_METRICS_TOKEN="bench-$(od -An -N16 -tx1 /dev/urandom | tr -d ' \n')"
java -Xmx512m -jar "$work/komek.jar" serve --no-demo --port "$port" --data "$work/data" --message-limit 0 >"$work/serve.log" 2>&1 &
pid=$!
since() { echo "$(date +%s.%N) - $started" | bc; }
for _ in $(seq 1 1200); do curl -fs -o /dev/null "$base/client/ru" && break; sleep 0.05; done
echo "first page (/client/ru) served after $(since) s"
for _ in $(seq 1 1200); do curl -fs "$base/health" | grep -q '"current":true' && break; sleep 0.1; done
echo "search index current after $(since) s"
grep -E "search index rebuilt|komek ready" "$work/serve.log" | cut -c1-160

run() { # NAME URL [POOL MODE [POST-PATH]]
  local name=$1 url=$2
  if [ $# -gt 2 ]; then
    POST=${5:-} POOL=$3 MODE=$4 THREADS=2 wrk -t2 -c16 -d"${seconds}s" --latency -s scripts/wrk-search.lua "$url" >"$work/wrk.txt"
  else
    wrk -t2 -c16 -d"${seconds}s" --latency "$url" >"$work/wrk.txt"
  fi
  printf '%-34s %10s req/s   p50 %8s   p99 %8s   %s\n' "$name" \
    "$(grep -oP 'Requests/sec:\s+\K[0-9.]+' "$work/wrk.txt")" \
    "$(grep -oP '^\s+50%\s+\K\S+' "$work/wrk.txt")" \
    "$(grep -oP '^\s+99%\s+\K\S+' "$work/wrk.txt")" \
    "$(grep -oE 'Non-2xx or 3xx responses: [0-9]+' "$work/wrk.txt" || true)"
}

echo "== over HTTP (wrk -t2 -c16 -d${seconds}s, loopback), an edit published every second throughout"
python3 scripts/bench-publisher.py "$base" "$token" "$work/ids.txt" --seconds 100000 >"$work/publisher.log" 2>&1 &
publisher=$!
# steady state: the JIT compiles the search path first (the "new" pools below are not asked here)
POOL="$work/searches.txt" MODE=zipf THREADS=2 wrk -t2 -c16 -d15s -s scripts/wrk-search.lua "$base" >/dev/null
POOL="$work/suggestions.txt" MODE=zipf THREADS=2 wrk -t2 -c16 -d10s -s scripts/wrk-search.lua "$base" >/dev/null
run "static asset /static/komek.css" "$base/static/komek.css"
run "/health" "$base/health"
run "search, readers' repetition (Zipf)" "$base" "$work/searches.txt" zipf
run "search, every query new" "$base" "$work/searches-new.txt" unique
run "suggest, readers' repetition (Zipf)" "$base" "$work/suggestions.txt" zipf
run "suggest, every query new" "$base" "$work/suggestions-new.txt" unique
# chat messages for the answers API (decision 0045): the new searches wrapped as people write to a chat
python3 - "$work/searches-new.txt" "$work/messages.txt" <<'PY'
import json, sys, urllib.parse
wraps = [("Здравствуйте! ", ", подскажите пожалуйста. Спасибо"), ("Сәлеметсіз бе, ", "? Рақмет"), ("", "")]
with open(sys.argv[1]) as src, open(sys.argv[2], "w") as out:
    for i, line in enumerate(src):
        q = urllib.parse.parse_qs(urllib.parse.urlparse(line.strip()).query)
        if "q" not in q:
            continue
        a, b = wraps[i % len(wraps)]
        out.write(json.dumps({"message": a + q["q"][0] + b, "site": q.get("site", ["client"])[0]},
                             ensure_ascii=False) + "\n")
PY
run "answers/suggest, every message new" "$base" "$work/messages.txt" unique /api/v1/answers/suggest
kill "$publisher" 2>/dev/null || true
wait "$publisher" 2>/dev/null || true
publisher=
grep -E "Traceback|Error" "$work/publisher.log" | head -3 | sed "s/^/publisher: /" || true
python3 scripts/bench-publisher.py "$base" "$token" "$work/ids.txt" --seconds 0 --find-after
echo "server peak RSS: $(grep VmHWM /proc/$pid/status | awk '{print $2/1024 " MB"}') (-Xmx512m)"
echo "server log lines with ERROR or OutOfMemory: $(grep -ciE 'OutOfMemory|ERROR' "$work/serve.log" || true)"
grep -E 'komek_search_results_total' <(curl -fs -H "Authorization: Bearer $KOMEK_METRICS_TOKEN" "$base/metrics") | sed 's/^/server: /' || true

echo "== the baseline over HTTP (StandardAnalyzer, one OR query, no result cache; same bundle, same pools)"
kill -TERM "$pid" 2>/dev/null || true
wait "$pid" 2>/dev/null || true
pid=
bport=$(( port + 1 ))
java -Xmx1500m -cp "$cp" kz.komek.search.BaselineServer "$work/bundle.json" "$bport" >"$work/baseline.log" 2>&1 &
pid=$!
for _ in $(seq 1 1200); do grep -q '^ready' "$work/baseline.log" && break; sleep 0.1; done
base="http://127.0.0.1:$bport"
# the JIT compiles the baseline's path first, as komek's above (its searches are never cached, so the pools stay fresh)
POOL="$work/searches.txt" MODE=zipf THREADS=2 wrk -t2 -c16 -d25s -s scripts/wrk-search.lua "$base" >/dev/null
run "baseline search, Zipf" "$base" "$work/searches.txt" zipf
run "baseline search, every query new" "$base" "$work/searches-new.txt" unique
