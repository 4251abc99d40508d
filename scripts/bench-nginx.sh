#!/usr/bin/env bash
# komek behind the deployment guide's nginx (docs/deploy/nginx/komek.conf: micro-cache per platform and
# quarter-second window) beside nginx sending the very same bytes from files, in one run, A and B alternating:
#   cached   a question page for a reader without cookies: nginx's micro-cache, komek asked 4 times a second
#   voter    the same for a reader who voted (cookies): past the cache, komek answers from its memory via nginx
# wrk -t1 -c32 on loopback, ROUNDS rounds of SECONDS s per pair; one komek node (both upstream lines name it).
# Usage: scripts/bench-nginx.sh [SECONDS] [ROUNDS]   (builds the jar, serves the demo content on the embedded
# database with -Xmx512m, from a copy of the jar)
set -euo pipefail
cd "$(dirname "$0")/.."
seconds=${1:-10}
rounds=${2:-2}
work=$(mktemp -d)
pid=
cleanup() {
    [ -n "$pid" ] && kill -TERM "$pid" 2>/dev/null || true
    for conf in front static; do
        [ -f "$work/$conf/nginx.pid" ] && kill -QUIT "$(cat "$work/$conf/nginx.pid")" 2>/dev/null || true
    done
    sleep 2
    rm -rf "$work"
}
trap cleanup EXIT
command -v wrk >/dev/null || { apt-get update -qq && apt-get install -y -qq wrk >/dev/null; }
command -v nginx >/dev/null || { apt-get update -qq && apt-get install -y -qq nginx-light >/dev/null; }
mvn -q -DskipTests -Dkomek.fuzz.skip package
cp target/komek.jar "$work/komek.jar" # a rebuild under the running server must not change its jar
port=$(( 20000 + RANDOM % 20000 ))
front=$(( port + 1 ))
static=$(( port + 2 ))
java -Xmx512m -jar "$work/komek.jar" serve --port "$port" --data "$work/data" --trust-proxy \
    --base-url "https://help.example.kz" >"$work/serve.log" 2>&1 &
pid=$!
for _ in $(seq 1 120); do curl -fsS -o /dev/null "http://localhost:$port/health/ready" 2>/dev/null && break; sleep 1; done

ua="Mozilla/5.0 (X11; Linux x86_64) Firefox/128.0"
question=/client/kz/bonus/save/general/q1580
curl -fsS -o /dev/null -c "$work/jar" -H "User-Agent: $ua" -X POST -d useful=true "http://localhost:$port$question"
cookie="komek_visitor=$(awk '$6 == "komek_visitor" {print $7}' "$work/jar"); komek_votes=$(awk '$6 == "komek_votes" {print $7}' "$work/jar")"

# nginx as the guide has it, with the test's addresses and paths (the lines it marks "test:")
mkdir -p "$work/front/cache" "$work/static/www"
sed -E -e "s#127\.0\.0\.1:808[12] #127.0.0.1:$port #" -e "s#/var/cache/nginx/komek#$work/front/cache#" \
    -e "s#listen 80;#listen 127.0.0.1:$front;#" docs/deploy/nginx/komek.conf >"$work/front/komek.conf"
temp() { printf 'client_body_temp_path %s/body; proxy_temp_path %s/proxy; fastcgi_temp_path %s/fcgi; uwsgi_temp_path %s/uwsgi; scgi_temp_path %s/scgi;' "$1" "$1" "$1" "$1" "$1"; }
# workers write the cache under this run's private directory: as root, they run as root
cat >"$work/front/nginx.conf" <<CONF
$([ "$(id -u)" = 0 ] && echo "user root;")
worker_processes auto;
pid $work/front/nginx.pid;
error_log $work/front/error.log;
events { worker_connections 1024; }
http { access_log off; keepalive_requests 100000; $(temp "$work/front") include $work/front/komek.conf; }
CONF
curl -fsS -H "User-Agent: $ua" "http://localhost:$port$question" -o "$work/static/www/question.html"
curl -fsS -H "User-Agent: $ua" -H "Cookie: $cookie" "http://localhost:$port$question" -o "$work/static/www/voted.html"
cat >"$work/static/nginx.conf" <<CONF
worker_processes auto;
pid $work/static/nginx.pid;
error_log $work/static/error.log;
events { worker_connections 1024; }
http {
    access_log off; sendfile on; tcp_nopush on; keepalive_requests 100000; $(temp "$work/static")
    server {
        listen 127.0.0.1:$static;
        default_type "text/html; charset=utf-8";
        location = $question { alias $work/static/www/question.html; }
        location = /voted$question { alias $work/static/www/voted.html; }
    }
}
CONF
nginx -e "$work/front/error.log" -c "$work/front/nginx.conf"
nginx -e "$work/static/error.log" -c "$work/static/nginx.conf"
sleep 1
cmp <(curl -fsS -H "User-Agent: $ua" "http://127.0.0.1:$front$question") "$work/static/www/question.html" \
    || { echo "nginx in front does not send komek's page" >&2; tail -5 "$work/front/error.log" >&2; exit 1; }

measure() {
    local out rate p99
    out=$(wrk -t1 -c32 -d"${seconds}s" --latency -H "User-Agent: $ua" "$@")
    rate=$(awk '/Requests\/sec/ {print $2}' <<<"$out")
    p99=$(awk '$1 == "99%" {v=$2; if (v ~ /us$/) {sub(/us$/, "", v); v/=1000} else if (v ~ /ms$/) {sub(/ms$/, "", v)} else if (v ~ /s$/) {sub(/s$/, "", v); v*=1000}; print v}' <<<"$out")
    echo "$rate $p99"
}
wrk -t1 -c32 -d5s -H "User-Agent: $ua" "http://127.0.0.1:$front$question" >/dev/null # warm-up
wrk -t1 -c32 -d5s -H "User-Agent: $ua" "http://127.0.0.1:$static$question" >/dev/null
printf "%-7s %6s %16s %9s %14s %9s %7s\n" case round "komek+nginx r/s" "p99 ms" "nginx req/s" "p99 ms" ratio
for round in $(seq 1 "$rounds"); do
    for case in cached voter; do
        case $case in
            cached) k=$(measure "http://127.0.0.1:$front$question"); n=$(measure "http://127.0.0.1:$static$question") ;;
            voter) k=$(measure -H "Cookie: $cookie" "http://127.0.0.1:$front$question")
                   n=$(measure "http://127.0.0.1:$static/voted$question") ;;
        esac
        read -r kr kp <<<"$k"
        read -r nr np <<<"$n"
        printf "%-7s %6s %16s %9s %14s %9s %7.3f\n" "$case" "$round" "$kr" "$kp" "$nr" "$np" "$(echo "$kr / $nr" | bc -l)"
    done
done
