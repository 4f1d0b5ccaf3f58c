#!/usr/bin/env bash
# Products service benchmark, in one run against one instance:
#   - GET /ping (no I/O: the HTTP stack alone), as the baseline for the figures next to it;
#   - product detail uncached (each request a product not yet in the Redis cache) and cached (a warm set);
#   - search on the 100,000-product demo catalog: each distinct query computed once (p50/p95), then under load.
# It starts its own products instance (port 18082, database products_bench, Redis database 7) so the local
# platform's data and cache are untouched. The first run generates the catalog (a few minutes); later runs reuse it.
# Usage: load/products-benchmark.sh [duration, default 15s]. Loopback only; every run is bounded by the duration.
set -euo pipefail
cd "$(dirname "$0")/.."
DURATION=${1:-15s}
PRODUCTS=${BENCH_PRODUCTS:-100000}
PORT=18082
URL=http://127.0.0.1:$PORT
DB=products_bench
WORK=.run/bench
mkdir -p "$WORK"

command -v wrk >/dev/null || { apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq wrk; }
export JAVA_HOME=${JAVA_HOME:-/usr/lib/jvm/temurin-25-jdk-amd64}
JAR=services/products/target/quarkus-app/quarkus-run.jar
[ -f "$JAR" ] || ./mvnw -B -q -DskipTests -Dspotless.check.skip=true package -pl services/products -am
psql_bench() { psql -h 127.0.0.1 -U "${DB_USER:-postgres}" -d "$1" -v ON_ERROR_STOP=1 -tAq -c "$2"; }
[ -n "$(psql_bench postgres "select 1 from pg_database where datname = '$DB'")" ] || psql_bench postgres "create database $DB"

echo "starting a products instance on :$PORT (database $DB; the first start loads $PRODUCTS products)…"
QUARKUS_HTTP_PORT=$PORT PRODUCTS_DB_NAME=$DB REDIS_URL=redis://127.0.0.1:6379/7 \
  SCALECOMMERCE_PRODUCTS_DEMO_ENABLED=true SCALECOMMERCE_PRODUCTS_DEMO_PRODUCTS=$PRODUCTS \
  SCALECOMMERCE_PRODUCTS_DEMO_LOAD_TIMEOUT=PT30M \
  SCALECOMMERCE_PRODUCTS_MEDIA_DIRECTORY="$WORK/media" QUARKUS_LOG_CONSOLE_JSON_ENABLED=false \
  "$JAVA_HOME/bin/java" -XX:+UseSerialGC -Xmx512m --add-opens java.base/java.lang=ALL-UNNAMED \
  --enable-native-access=ALL-UNNAMED -jar "$JAR" >"$WORK/products.log" 2>&1 &
pid=$!
trap 'kill $pid 2>/dev/null; wait $pid 2>/dev/null || true' EXIT
deadline=$((SECONDS + 1800))
until curl -fsS -o /dev/null "$URL/q/health/ready" 2>/dev/null; do
  kill -0 $pid 2>/dev/null || { tail -20 "$WORK/products.log"; echo "the instance died" >&2; exit 1; }
  [ $SECONDS -lt $deadline ] || { echo "not ready after 30 minutes" >&2; exit 1; }
  sleep 1
done
echo "catalog: $(psql_bench $DB "select count(*) from product where status = 'ACTIVE'") active products"

# Paths: every active product in a fixed shuffled order (cold), the first 100 of them (warm), search queries.
psql_bench $DB "select '/api/products/' || slug from product where status = 'ACTIVE' order by md5(id::text)" >"$WORK/detail-cold.txt"
head -100 "$WORK/detail-cold.txt" >"$WORK/detail-warm.txt"
# Distinct queries: a word of a product name, a two-word prefix, a typo (two letters swapped), each with its
# own page size, so no query repeats within a run and every one is computed.
psql_bench $DB "with words as (
    select w, row_number() over (order by md5(w)) as n
    from (select distinct lower(regexp_split_to_table(name, '\\s+')) as w from product) x
    where length(w) >= 4 and w ~ '^[a-z]+$')
  select '/api/products?q=' || case n % 3
           when 0 then w
           when 1 then substr(w, 1, 2) || substr(w, 4, 1) || substr(w, 3, 1) || substr(w, 5)
           else substr(w, 1, 3) end
         || '&limit=' || (12 + n % 37)
  from words order by n" >"$WORK/search.txt"
echo "$(wc -l <"$WORK/search.txt") distinct search queries"

redis-cli -n 7 flushdb >/dev/null
run() { # title, paths file, connections
  echo "$1"
  PATHS_FILE="$WORK/$2" WRK_THREADS=2 wrk -t2 -c"$3" -d"$DURATION" --timeout 10s -s load/paths.lua "$URL" | grep 'req/s'
}
echo '/ping' >"$WORK/ping.txt"
run "warm-up (not measured)" detail-warm.txt 16 >/dev/null
run "GET /ping (no I/O)" ping.txt 50
run "GET /api/products/{slug} uncached (first touch of each product)" detail-cold.txt 50
run "GET /api/products/{slug} cached (100 products, warm)" detail-warm.txt 50
# Each distinct query once, one at a time, on an empty cache: what computing a search costs.
echo "GET /api/products?q=… search computed (each distinct query once, sequential, empty cache)"
redis-cli -n 7 flushdb >/dev/null
while read -r path; do curl -s -o /dev/null -w '%{time_total}\n' "$URL$path"; done <"$WORK/search.txt" | sort -n \
  | awk '{t[NR] = $1 * 1000} END {printf "  queries %d | p50 %.1f ms | p95 %.1f ms | max %.1f ms\n", NR, t[int(NR * 0.5)], t[int(NR * 0.95)], t[NR]}'
redis-cli -n 7 flushdb >/dev/null
run "GET /api/products?q=… search under load (16 connections, the same queries repeating: cache warming up)" search.txt 16
echo "products RSS after the runs: $(( $(ps -o rss= -p $pid) / 1024 )) MiB"
