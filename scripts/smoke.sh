#!/usr/bin/env bash
# Builds the jar with the current JAVA_HOME, serves it on the embedded default with the demo content,
# checks a few URLs, stops it with SIGTERM and checks that no postgres process is left.
set -euo pipefail
cd "$(dirname "$0")/.."
java -version 2>&1 | head -1
mvn -B -ntp -q -DskipTests package
data=$(mktemp -d)
port=$(( 20000 + RANDOM % 20000 ))
log="$data/serve.log"
java -jar target/komek.jar serve --port "$port" --data "$data/komek" >"$log" 2>&1 &
pid=$!
trap 'kill -9 $pid 2>/dev/null || true' EXIT
for _ in $(seq 1 120); do
  grep -q "komek ready at" "$log" && break
  kill -0 $pid 2>/dev/null || { cat "$log"; echo "serve died"; exit 1; }
  sleep 0.5
done
grep "komek ready at" "$log"
check() { # path expected-status
  code=$(curl -s -o /dev/null -w '%{http_code}' "http://localhost:$port$1")
  echo "$code $1"
  [ "$code" = "$2" ] || { cat "$log"; exit 1; }
}
check /health 200
check /client/kz/bonus/save/general 200
check /client/kz/bonus/save/general/q462 200
check /api/v1/questions/462?locale=kz 200
check /client/kz/nope 404
# A script's background job ignores SIGINT, so stop it with SIGTERM (the test suite covers Ctrl-C).
kill -TERM $pid
wait $pid || true
sleep 1
if pgrep -f "$data/komek/postgres" >/dev/null; then
  echo "a postgres process outlived komek"; exit 1
fi
echo "smoke test passed"
rm -rf "$data"
