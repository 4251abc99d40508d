#!/usr/bin/env bash
# Catalog pages from komek beside nginx (from Debian) sending the very same bytes, in one run, A and B alternating:
#   cached   the page from komek's page cache, for a reader without cookies
#   gzip     the same for a client that takes gzip (browsers do): komek's gzip copy, which nginx sends as it is
#   cookie   the same page for a reader who voted on it (visitor and vote-marks cookies): their own copy, from memory
#   miss     the page rendered again (a query parameter other than ?platform= bypasses the cache): what the first
#            view after an edit costs
# for a question page and a product page, wrk -t1 -c32 on loopback, ROUNDS rounds of SECONDS s per pair.
# Usage: scripts/bench-pages.sh [SECONDS] [ROUNDS] [QUESTIONS]   (builds the jar, serves the demo content, or a
# generated help center of QUESTIONS questions, on the embedded database with -Xmx512m, from a copy of the jar)
set -euo pipefail
cd "$(dirname "$0")/.."
seconds=${1:-10}
rounds=${2:-2}
questions=${3:-}
work=$(mktemp -d)
pid=
nginx_pid=
cleanup() {
    [ -n "$pid" ] && kill -TERM "$pid" 2>/dev/null || true
    [ -n "$nginx_pid" ] && kill -QUIT "$nginx_pid" 2>/dev/null || true
    sleep 2
    rm -rf "$work"
}
trap cleanup EXIT
command -v wrk >/dev/null || { apt-get update -qq && apt-get install -y -qq wrk >/dev/null; }
command -v nginx >/dev/null || { apt-get update -qq && apt-get install -y -qq nginx-light >/dev/null; }
mvn -q -DskipTests -Dkomek.fuzz.skip package
cp target/komek.jar "$work/komek.jar" # a rebuild under the running server must not change its jar
port=$(( 20000 + RANDOM % 20000 ))
nport=$(( port + 1 ))
demo=()
if [ -n "$questions" ]; then
    java -jar "$work/komek.jar" generate --questions "$questions" --seed 7 --out "$work/bundle.json" >/dev/null
    java -jar "$work/komek.jar" import "$work/bundle.json" --data "$work/data" | tail -1
    rm "$work/bundle.json"
    demo=(--no-demo)
fi
# /metrics is no public page: read with a token of this run (decision 0041)
export KOMEK_METRICS_TOKEN="bench-$(od -An -N16 -tx1 /dev/urandom | tr -d ' \n')"
java -Xmx512m -jar "$work/komek.jar" serve "${demo[@]}" --port "$port" --data "$work/data" \
    --base-url "http://localhost:$port" >"$work/serve.log" 2>&1 &
pid=$!
for _ in $(seq 1 120); do curl -fsS -o /dev/null "http://localhost:$port/health" 2>/dev/null && break; sleep 1; done
# the search index is built in the background after a start: measure pages once it is done, not beside it
for _ in $(seq 1 600); do curl -fsS "http://localhost:$port/health" | grep -q '"current":true' && break; sleep 1; done

ua="Mozilla/5.0 (X11; Linux x86_64) Firefox/128.0"
question=/client/kz/bonus/save/general/q1580
product=/client/ru/bonus
if [ -n "$questions" ]; then
    # the first question the sitemap lists, and its product
    curl -fsS "http://localhost:$port/sitemap.xml" -o "$work/sitemap.xml"
    # grep -m1, not head: with pipefail a grep cut off by head would end the script
    first=$(grep -m1 -oE '<loc>[^<]+</loc>' "$work/sitemap.xml" | sed -E 's#</?loc>##g')
    curl -fsS "$first" -o "$work/sitemap-1.xml"
    question=$(grep -m1 -oE '<loc>[^<]+/q[0-9]+</loc>' "$work/sitemap-1.xml" \
        | sed -E 's#</?loc>##g; s#^https?://[^/]+##')
    product=$(cut -d/ -f1-4 <<<"$question")
    echo "== $questions questions: $question, $product"
fi
# a reader who voted "useful" on the question: the cookies komek's vote gave them
curl -fsS -o /dev/null -c "$work/jar" -H "User-Agent: $ua" -X POST -d useful=true "http://localhost:$port$question"
visitor=$(awk '$6 == "komek_visitor" {print $7}' "$work/jar")
marks=$(awk '$6 == "komek_votes" {print $7}' "$work/jar")
cookie="komek_visitor=$visitor; komek_votes=$marks"

# nginx serves the bytes komek sent, at the same paths (the voter's copy under /voted); one file per page, since a
# product's path is a directory of its question's
mkdir -p "$work/www" "$work/nginx"
locations=
for page in "$question" "$product"; do
    name=$([ "$page" = "$question" ] && echo question || echo product)
    curl -fsS -H "User-Agent: $ua" "http://localhost:$port$page" -o "$work/www/$name.html"
    curl -fsS -H "User-Agent: $ua" -H "Cookie: $cookie" "http://localhost:$port$page" -o "$work/www/voted-$name.html"
    # komek's gzip copy, which nginx sends as it is (gzip_static) to clients that take gzip
    curl -fsS -H "User-Agent: $ua" -H "Accept-Encoding: gzip" "http://localhost:$port$page" -o "$work/www/$name.html.gz"
    echo "== $name page $page: $(wc -c <"$work/www/$name.html") bytes, gzip $(wc -c <"$work/www/$name.html.gz")"
    locations+="location = $page { alias $work/www/$name.html; } location = /voted$page { alias $work/www/voted-$name.html; } "
done
grep -q vote-thanks "$work/www/voted-question.html" || { echo "the voter's page does not show their vote" >&2; exit 1; }
cat >"$work/nginx/nginx.conf" <<CONF
worker_processes auto;
pid $work/nginx/nginx.pid;
error_log $work/nginx/error.log;
events { worker_connections 1024; }
http {
    access_log off;
    sendfile on;
    tcp_nopush on;
    keepalive_requests 100000;
    client_body_temp_path $work/nginx/body;
    proxy_temp_path $work/nginx/proxy;
    fastcgi_temp_path $work/nginx/fastcgi;
    uwsgi_temp_path $work/nginx/uwsgi;
    scgi_temp_path $work/nginx/scgi;
    server {
        listen 127.0.0.1:$nport;
        root $work/www;
        default_type "text/html; charset=utf-8";
        etag on;
        gzip_static on;
        $locations
    }
}
CONF
nginx -c "$work/nginx/nginx.conf"
sleep 1
nginx_pid=$(cat "$work/nginx/nginx.pid")

# requests/s and p99 (ms) of one wrk run
measure() {
    local out
    out=$(wrk -t1 -c32 -d"${seconds}s" --latency -H "User-Agent: $ua" "$@")
    local rate p99
    rate=$(awk '/Requests\/sec/ {print $2}' <<<"$out")
    p99=$(awk '$1 == "99%" {v=$2; if (v ~ /us$/) {sub(/us$/, "", v); v/=1000} else if (v ~ /ms$/) {sub(/ms$/, "", v)} else if (v ~ /s$/) {sub(/s$/, "", v); v*=1000}; print v}' <<<"$out")
    echo "$rate $p99"
}

wrk -t1 -c32 -d5s -H "User-Agent: $ua" "http://localhost:$port$question" >/dev/null # warm-up
wrk -t1 -c32 -d5s -H "User-Agent: $ua" "http://127.0.0.1:$nport$question" >/dev/null
printf "%-9s %-9s %6s %14s %9s %14s %9s %7s\n" page case round "komek req/s" "p99 ms" "nginx req/s" "p99 ms" ratio
for round in $(seq 1 "$rounds"); do
    for page in "$question" "$product"; do
        name=$([ "$page" = "$question" ] && echo question || echo product)
        for case in cached gzip cookie miss; do
            case $case in
                cached) k=$(measure "http://localhost:$port$page"); n=$(measure "http://127.0.0.1:$nport$page") ;;
                gzip) k=$(measure -H "Accept-Encoding: gzip" "http://localhost:$port$page")
                      n=$(measure -H "Accept-Encoding: gzip" "http://127.0.0.1:$nport$page") ;;
                cookie) k=$(measure -H "Cookie: $cookie" "http://localhost:$port$page")
                        n=$(measure "http://127.0.0.1:$nport/voted$page") ;;
                miss) k=$(measure "http://localhost:$port$page?utm_source=bench"); n=$(measure "http://127.0.0.1:$nport$page") ;;
            esac
            read -r kr kp <<<"$k"
            read -r nr np <<<"$n"
            printf "%-9s %-9s %6s %14s %9s %14s %9s %7.3f\n" "$name" "$case" "$round" "$kr" "$kp" "$nr" "$np" \
                "$(echo "$kr / $nr" | bc -l)"
        done
    done
done
echo "komek: $(grep -c . "$work/serve.log") log lines, $(curl -fsS -H "Authorization: Bearer $KOMEK_METRICS_TOKEN" "http://localhost:$port/metrics" | awk '/^komek_pages_front_total/ {print $2}') pages from memory before routing"
