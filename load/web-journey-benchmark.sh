#!/usr/bin/env bash
# The storefront's browse journey under load, against the running platform (web on :8080), then web's RSS.
# Usage: ./scalecommerce up --detach && load/web-journey-benchmark.sh [duration, default 30s] [shoppers, default 32]
# 1. Prepares the shopper accounts once (BENCH_ACCOUNTS, default 32): registered through users' public API, which is
#    all sign-in needs; kept in .run/web-journey-accounts.txt (email and password) and reused by later runs.
# 2. load/WebJourney.java, each mode after a warm-up (BENCH_WARMUP, default 150s) that is not counted:
#    sign-in-each: home, sign-in form, sign in, category, product, add to cart, account, remove, sign out;
#    signed-in:    sign in once per shopper, then loop home, category, product, add to cart, account, remove.
#    BENCH_MODES picks the modes (default both, "sign-in-each signed-in"); BENCH_PAGES=0 skips step 3; BENCH_REPEAT=N
#    runs each journey N times and prints the median.
#    After each mode: the CPU seconds each process used during it (services, the local PostgreSQL and Redis, the
#    load generator) and per journey request: where the 2 cores went, so a ceiling can be read off the figures.
# 3. wrk -t2 -c32 -d15s on each of home, a category, a search and a product page (guests, no cookie): the pages'
#    own throughput and p99 under load.
# 4. The signed-in steps alone (BENCH_STEPS=0 skips): the shoppers signed in with curl, then wrk -t32 -c32
#    (load/signed-in-steps.lua, one shopper per connection) on the home page, a category, the account page, cart
#    changes (add and remove in turn) and a product page, each with the CPU per request of every process: what each step costs the platform.
# Loopback only; bounded by the durations.
set -euo pipefail
cd "$(dirname "$0")/.."
WEB=${WEB_URL:-http://127.0.0.1:8080}
USERS=${USERS_URL:-http://127.0.0.1:8081}
DURATION=${1:-30s}
SHOPPERS=${2:-32}
# The warm-up lets the JIT compilers of six JVMs finish most of their work: on 2 cores, C2 compiling under load
# otherwise takes a large share of the measured window. After a 60 s warm-up orders' compiler threads still used
# half of its CPU, and back-to-back 30 s signed-in runs gave 238, 352, 380, 440, 456 req/s; 150 s is most of that.
WARMUP=${BENCH_WARMUP:-150s}
ACCOUNTS=${BENCH_ACCOUNTS:-32}
PAGE_DURATION=${BENCH_PAGE_DURATION:-15s}
MODES=${BENCH_MODES:-sign-in-each signed-in}
# The box's speed moves within the hour (the same code gave 2,531 to 4,614 req/s in one afternoon): BENCH_REPEAT=N
# runs each journey N times, the later ones after a short warm-up (BENCH_REPEAT_WARMUP), and prints their median.
REPEAT=${BENCH_REPEAT:-1}
REPEAT_WARMUP=${BENCH_REPEAT_WARMUP:-10s}
ACCOUNTS_FILE=.run/web-journey-accounts.txt
export JAVA_HOME=${JAVA_HOME:-/usr/lib/jvm/temurin-25-jdk-amd64}

alive() { [ -f ".run/pids/$1.pid" ] && kill -0 "$(cat ".run/pids/$1.pid")" 2>/dev/null; }
for service in web users products orders; do
  alive $service || { echo "$service is not running: ./scalecommerce up --detach" >&2; exit 1; }
done
command -v wrk >/dev/null || { apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq wrk; }
pid=$(cat .run/pids/web.pid)

# 1. Shopper accounts, registered once. Users allows 30 registrations per client address in 15 minutes; shoppers
#    come from addresses of their own, so shopper i registers from loopback address 127.0.0.(i+1) (a 429 still
#    waits its Retry-After).
if [ "$( (wc -l < "$ACCOUNTS_FILE") 2>/dev/null || echo 0)" -lt "$ACCOUNTS" ]; then
  password="web journey $(od -An -N12 -tx1 /dev/urandom | tr -d ' \n')"
  stamp=$(date +%s)
  : > "$ACCOUNTS_FILE.new"
  for i in $(seq 1 "$ACCOUNTS"); do
    email="web-journey-$stamp-$i@example.com"
    while true; do
      headers=$(mktemp)
      status=$(curl -sS --interface "127.0.0.$((i + 1))" -D "$headers" -o /dev/null -w '%{http_code}' -X POST "$USERS/api/auth/register" \
        -H 'Content-Type: application/json' \
        -d "{\"email\":\"$email\",\"password\":\"$password\",\"name\":\"Shopper $i\"}")
      wait=$(sed -n 's/^[Rr]etry-[Aa]fter: *\([0-9]*\).*/\1/p' "$headers")
      rm -f "$headers"
      [ "$status" = 429 ] || break
      echo "users throttles registrations: waiting ${wait:-5}s"
      sleep "${wait:-5}"
    done
    [ "$status" = 202 ] || [ "$status" = 201 ] || { echo "registering $email answered $status" >&2; exit 1; }
    echo "$email $password" >> "$ACCOUNTS_FILE.new"
  done
  mv "$ACCOUNTS_FILE.new" "$ACCOUNTS_FILE"
  echo "registered $ACCOUNTS shopper accounts into $ACCOUNTS_FILE"
fi

# CPU accounting: utime + stime of each process (a JVM's every thread; PostgreSQL's every backend of the local
# cluster, found through its postmaster; Redis' server), read from /proc before and after the measured window.
pg_pids() {
  local data pm
  data=$(psql -h 127.0.0.1 -U postgres -Atc 'show data_directory' 2>/dev/null) || return 0
  pm=$(head -1 "$data/postmaster.pid" 2>/dev/null) || return 0
  echo "$pm" $(pgrep -P "$pm")
}
redis_pids() { redis-cli info server 2>/dev/null | sed -n 's/^process_id:\([0-9]*\).*/\1/p'; }
cpu_ticks() { # pids... -> summed utime+stime ticks of those still alive
  local total=0 p
  for p in "$@"; do [ -r "/proc/$p/stat" ] && total=$((total + $(awk '{print $14 + $15}' "/proc/$p/stat"))); done
  echo $total
}
cpu_snapshot() { # -> "name ticks" lines
  local s
  for s in web users products orders analytics; do echo "$s $(cpu_ticks "$(cat ".run/pids/$s.pid")")"; done
  echo "postgres $(cpu_ticks $(pg_pids))"
  echo "redis $(cpu_ticks $(redis_pids))"
  echo "load-generator $(cpu_ticks $(pgrep -x wrk))" # WebJourney states its own (generator-cpu-ms lines)
}

# 2. The journeys. The CPU snapshots are taken at the generator's marks: "measuring" when the warm-up ends,
#    "measured" when the window closes.
for mode in $MODES; do
 runs=()
 for round in $(seq 1 "$REPEAT"); do
  warmup=$WARMUP
  [ "$round" -gt 1 ] && warmup=$REPEAT_WARMUP
  echo
  echo "== journey, $mode: $SHOPPERS shoppers, warm-up $warmup, measured $DURATION (run $round of $REPEAT) =="
  out=$(mktemp)
  "$JAVA_HOME/bin/java" -Xmx512m load/WebJourney.java --accounts "$ACCOUNTS_FILE" --mode $mode --url "$WEB" \
    --shoppers "$SHOPPERS" --duration "$DURATION" --warmup "$warmup" > "$out" 2>&1 &
  generator=$!
  until grep -q '^measuring' "$out" 2>/dev/null || ! kill -0 $generator 2>/dev/null; do sleep 0.1; done
  before=$(cpu_snapshot)
  until grep -q '^measured$' "$out" 2>/dev/null || ! kill -0 $generator 2>/dev/null; do sleep 0.1; done
  after=$(cpu_snapshot)
  wait $generator || true
  grep -v '^measur\|^generator-cpu-ms' "$out"
  generator_ms=$(awk '$1 == "generator-cpu-ms" {v[++i] = $2} END {print (i == 2 ? v[2] - v[1] : 0)}' "$out")
  requests=$(awk '$1 == "ALL" {print $2}' "$out")
  runs+=("$(awk '$1 == "ALL" {print $3, $6}' "$out")")
  seconds=$(sed -n 's/^measuring \([0-9.]*\) s$/\1/p' "$out")
  rm -f "$out"
  echo "CPU during the measured window (2 cores = $(awk -v s="${seconds:-0}" 'BEGIN {print 2 * s}') CPU-seconds available):"
  join <(echo "$before" | sort) <(echo "$after" | sort) | awk -v hz="$(getconf CLK_TCK)" -v n="${requests:-0}" -v gen="$generator_ms" '
    { cpu = ($3 - $2) / hz + ($1 == "load-generator" ? gen / 1000 : 0); total += cpu; printf "  %-15s %7.1f s   %6.2f ms per journey request\n", $1, cpu, n ? 1000 * cpu / n : 0 }
    END { printf "  %-15s %7.1f s   %6.2f ms per journey request\n", "all", total, n ? 1000 * total / n : 0 }'
 done
 if [ "$REPEAT" -gt 1 ]; then
   printf '%s\n' "${runs[@]}" | sort -n | awk -v mode="$mode" '{rps[NR] = $1; p99[NR] = $2; line = line sprintf(" %s (p99 %s ms)", $1, $2)}
     END { m = int((NR + 1) / 2); printf "\n== journey, %s: median of %d runs %s req/s (p99 %s ms); runs:%s ==\n", mode, NR, rps[m], p99[m], line }'
 fi
done

# Steps 3 and 4 use the first category linked from the home page and the first product in it.
temp_files=()
trap 'rm -f "${temp_files[@]}"' EXIT
if [ "${BENCH_PAGES:-1}" != 0 ] || [ "${BENCH_STEPS:-1}" != 0 ]; then
  home=$(curl -fsS -H 'Accept: text/html' "$WEB/")
  category=$(grep -o 'href="/c/[^"?#]*"' <<<"$home" | head -1 | cut -d'"' -f2)
  product=$(curl -fsS -H 'Accept: text/html' "$WEB$category" | grep -o 'href="/p/[^"?#]*"' | head -1 | cut -d'"' -f2)
fi

# 3. Single pages: what the home, category, search and product pages sustain on their own.
if [ "${BENCH_PAGES:-1}" != 0 ]; then
  word=$(curl -fsS -H 'Accept: text/html' "$WEB$product" | sed -n 's:.*<h1[^>]*>\([A-Za-z]*\).*:\1:p' | head -1)
  paths=$(mktemp)
  temp_files+=("$paths")
  echo
  echo "== single pages: wrk -t2 -c32 -d$PAGE_DURATION each (guests), after a 5s warm-up =="
  for page in / "$category" "/search?q=${word:-mug}" "$product"; do
    echo "$page" > "$paths"
    PATHS_FILE=$paths wrk -t2 -c32 -d5s -H 'Accept: text/html' -s load/paths.lua "$WEB" >/dev/null
    echo "$page"
    PATHS_FILE=$paths wrk -t2 -c32 -d"$PAGE_DURATION" -H 'Accept: text/html' -s load/paths.lua "$WEB" | grep 'req/s'
  done
fi
# 4. Signed-in steps alone.
if [ "${BENCH_STEPS:-1}" != 0 ]; then
  sessions=$(mktemp)
  jar=$(mktemp)
  temp_files+=("$sessions" "$jar")
  form_field() { sed -n "s/.*name=\"$1\" value=\"\([^\"]*\)\".*/\1/p" | head -1; }
  head -n "$SHOPPERS" "$ACCOUNTS_FILE" | while read -r email password; do
    : > "$jar"
    csrf=$(curl -fsS -c "$jar" -b "$jar" "$WEB/login" | form_field _csrf)
    curl -fsS -o /dev/null -c "$jar" -b "$jar" "$WEB/login" --data-urlencode "_csrf=$csrf" \
      --data-urlencode "email=$email" --data-urlencode "password=$password" --data-urlencode "next=/"
    page=$(curl -fsS -c "$jar" -b "$jar" "$WEB$product")
    echo "$(awk '$6 == "sc" {print $7}' "$jar") $(form_field _csrf <<<"$page")" >> "$sessions"
  done
  page=$(curl -fsS "$WEB$product")
  export SESSIONS_FILE=$sessions PRODUCT_ID=$(form_field productId <<<"$page") SKU=$(form_field sku <<<"$page")
  shoppers=$(wc -l < "$sessions")
  echo
  echo "== signed-in steps alone: wrk -t$shoppers -c$shoppers -d$PAGE_DURATION, one shopper per connection, after a 5s warm-up =="
  for step in / "$category" /account cart "$product"; do
    wrk -t"$shoppers" -c"$shoppers" -d5s -s load/signed-in-steps.lua "$WEB" -- "$step" >/dev/null
    before=$(cpu_snapshot)
    result=$(wrk -t"$shoppers" -c"$shoppers" -d"$PAGE_DURATION" -s load/signed-in-steps.lua "$WEB" -- "$step" | grep 'req/s')
    after=$(cpu_snapshot)
    echo "$step$([ "$step" = cart ] && echo ' (add, remove, add, ...)')"
    echo "$result"
    requests=$(sed -n 's/.*requests \([0-9]*\).*/\1/p' <<<"$result")
    join <(echo "$before" | sort) <(echo "$after" | sort) | awk -v hz="$(getconf CLK_TCK)" -v n="${requests:-0}" '
      $1 != "load-generator" { ms = n ? 1000 * ($3 - $2) / hz / n : 0; total += ms; line = line sprintf(" %s %.2f", $1, ms) }
      END { printf "  CPU ms per request: all %.2f |%s\n", total, line }'
  done
fi
echo
echo "web RSS after the run: $(( $(ps -o rss= -p "$pid") / 1024 )) MiB"
