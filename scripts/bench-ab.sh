#!/usr/bin/env bash
# Two builds of komek side by side in one run, on loopback: a cached question page, the same page rendered
# (visitor cookie), a search over the API and /health, without --base-url (the default), alternating A and B so that a busy machine weighs on both.
# Usage: scripts/bench-ab.sh A.jar B.jar [rounds]   (copies of the jars: never target/komek.jar of a tree you build)
set -euo pipefail
a=$1 b=$2 rounds=${3:-2}
command -v wrk >/dev/null || { apt-get update -qq && apt-get install -y -qq wrk >/dev/null; }
work=$(mktemp -d)
pids=()
trap 'for p in "${pids[@]}"; do kill -TERM "$p" 2>/dev/null || true; done; sleep 3; rm -rf "$work"' EXIT
serve() { # jar name -> port
  local port=$(( 20000 + RANDOM % 20000 ))
  java -jar "$1" serve --port "$port" --data "$work/$2" >"$work/$2.log" 2>&1 &
  pids+=($!)
  # ready, and search holds the content (it is indexed in the background after the start)
  for _ in $(seq 1 180); do
    [[ "$(curl -fsS "http://localhost:$port/health" 2>/dev/null || true)" == *'"current":true'* ]] && break
    sleep 1
  done
  echo "$port"
}
pa=$(serve "$a" A); pb=$(serve "$b" B)
q=$(python3 -c 'import urllib.parse; print(urllib.parse.quote("как пополнить карту"))')
run() { # label port path [header]
  local extra=()
  [ -n "${4:-}" ] && extra=(-H "$4")
  printf '%-8s %-2s ' "$1" "$2"
  wrk -t1 -c8 -d8s -H "User-Agent: Mozilla/5.0" "${extra[@]}" "http://localhost:$3$5" \
    | awk '/Requests\/sec/ {rps=$2} /Latency/ {lat=$2} END {printf "%10s req/s  avg %s\n", rps, lat}'
}
for r in $(seq 1 "$rounds"); do
  echo "== round $r"
  for side in A B; do
    port=$([ $side = A ] && echo "$pa" || echo "$pb")
    run cached "$side" "$port" "" /client/kz/bonus/save/general/q462
    run cookie "$side" "$port" "Cookie: komek_visitor=AAAAAAAAAAAAAAAAAAAAAA" /client/kz/bonus/save/general/q462
    run search "$side" "$port" "" "/api/v1/search?q=$q&site=client&locale=ru"
    run health "$side" "$port" "" /health
  done
done
