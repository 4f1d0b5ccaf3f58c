#!/usr/bin/env bash
# The storefront's browse journey under load, against the running platform (web on :8080), then web's RSS.
# Usage: ./scalecommerce up --detach && load/web-journey-benchmark.sh [duration, default 30s] [shoppers, default 32]
# 1. Prepares the shopper accounts once (BENCH_ACCOUNTS, default 32): registered through users' public API, which is
#    all sign-in needs; kept in .run/web-journey-accounts.txt (email and password) and reused by later runs.
# 2. load/WebJourney.java, each mode after a warm-up (BENCH_WARMUP, default 10s) that is not counted:
#    sign-in-each: home, sign-in form, sign in, category, product, add to cart, account, remove, sign out;
#    signed-in:    sign in once per shopper, then loop home, category, product, add to cart, account, remove.
#    The account step is /account, or /cart while the web app has no account page (said in the output).
# 3. wrk -t2 -c32 -d15s on each of home, a category, a search and a product page (guests, no cookie): the pages'
#    own throughput and p99 under load.
# Loopback only; bounded by the durations.
set -euo pipefail
cd "$(dirname "$0")/.."
WEB=${WEB_URL:-http://127.0.0.1:8080}
USERS=${USERS_URL:-http://127.0.0.1:8081}
DURATION=${1:-30s}
SHOPPERS=${2:-32}
WARMUP=${BENCH_WARMUP:-10s}
ACCOUNTS=${BENCH_ACCOUNTS:-32}
PAGE_DURATION=${BENCH_PAGE_DURATION:-15s}
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

# The account step: the account page when the web app has one (a guest is sent to sign in), else the cart.
ACCOUNT_PAGE=/account
if [ "$(curl -sS -o /dev/null -w '%{http_code}' -H 'Accept: text/html' "$WEB/account")" = 404 ]; then
  ACCOUNT_PAGE=/cart
  echo "NOTE: $WEB/account answers 404 (no account page yet): the journey's account step is /cart instead"
fi

# 2. The journeys.
for mode in sign-in-each signed-in; do
  echo
  echo "== journey, $mode: $SHOPPERS shoppers, warm-up $WARMUP, measured $DURATION =="
  "$JAVA_HOME/bin/java" -Xmx512m load/WebJourney.java --accounts "$ACCOUNTS_FILE" --mode $mode --url "$WEB" \
    --shoppers "$SHOPPERS" --duration "$DURATION" --warmup "$WARMUP" --account-page "$ACCOUNT_PAGE" || true
done

# 3. Single pages: what the home, category, search and product pages sustain on their own.
home=$(curl -fsS -H 'Accept: text/html' "$WEB/")
category=$(grep -o 'href="/c/[^"?#]*"' <<<"$home" | head -1 | cut -d'"' -f2)
product=$(curl -fsS -H 'Accept: text/html' "$WEB$category" | grep -o 'href="/p/[^"?#]*"' | head -1 | cut -d'"' -f2)
word=$(curl -fsS -H 'Accept: text/html' "$WEB$product" | sed -n 's:.*<h1[^>]*>\([A-Za-z]*\).*:\1:p' | head -1)
paths=$(mktemp)
trap 'rm -f "$paths"' EXIT
echo
echo "== single pages: wrk -t2 -c32 -d$PAGE_DURATION each (guests), after a 5s warm-up =="
for page in / "$category" "/search?q=${word:-mug}" "$product"; do
  echo "$page" > "$paths"
  PATHS_FILE=$paths wrk -t2 -c32 -d5s -H 'Accept: text/html' -s load/paths.lua "$WEB" >/dev/null
  echo "$page"
  PATHS_FILE=$paths wrk -t2 -c32 -d"$PAGE_DURATION" -H 'Accept: text/html' -s load/paths.lua "$WEB" | grep 'req/s'
done
echo
echo "web RSS after the run: $(( $(ps -o rss= -p "$pid") / 1024 )) MiB"
