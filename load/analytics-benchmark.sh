#!/usr/bin/env bash
# Analytics benchmark: ingest rate over a year of a shop's events, then dashboard query latency over the result.
#   1. load/AnalyticsEvents.java writes N events (default 1,000,000) onto the streams events:{users,products,orders,web}
#      of Redis database 6 (emptied first): the catalog, then visits spread over the last year (views, searches,
#      cart adds, checkout starts, orders placed and paid with lines, some cancelled, refunded or shipped, stock
#      adjusted by each sale, customers registering, now and then a price change).
#   2. Its own analytics instance (port 18084, database analytics_bench dropped and created each run) starts with that
#      backlog waiting and ingests it; the rate is events applied / time from the first to the last one applied
#      (event_log.received_at), polled with select count(*) from event_log until every event is in.
#   3. Dashboard queries: the report endpoints are not in main yet, so representative report SQL (the shapes the
#      dashboards need: sales by day and by month, best sellers, funnel, searches, low stock, new vs returning
#      customers) runs through psql against the loaded tables, each BENCH_REPEAT times (default 30) after 3 unmeasured
#      runs; p50/p95/max per query as psql's \timing reports them (client round trip included). psql needs no token,
#      so the instance needs no issuer it can verify.
# Usage: load/analytics-benchmark.sh [events, default 1000000]. Loopback only; leaves the database for inspection,
# empties Redis database 6 at the end (a million events hold ~0.5 GB there).
set -euo pipefail
cd "$(dirname "$0")/.."
EVENTS=${1:-1000000}
REPEAT=${BENCH_REPEAT:-30}
PORT=18084
URL=http://127.0.0.1:$PORT
DB=analytics_bench
REDIS_DB=6
WORK=.run/bench
mkdir -p "$WORK"
export JAVA_HOME=${JAVA_HOME:-/usr/lib/jvm/temurin-25-jdk-amd64}
JAR=services/analytics/target/quarkus-app/quarkus-run.jar
[ -f "$JAR" ] || ./mvnw -B -q -DskipTests -Dspotless.check.skip=true package -pl services/analytics -am
command -v redis-cli >/dev/null || { echo "redis-cli is needed" >&2; exit 1; }
psql_bench() { psql -h "${DB_HOST:-127.0.0.1}" -U "${DB_USER:-postgres}" -d "$1" -v ON_ERROR_STOP=1 -tAq -c "$2"; }
psql_bench postgres "drop database if exists $DB with (force)"
psql_bench postgres "create database $DB"
redis-cli -n $REDIS_DB flushdb >/dev/null

echo "generating $EVENTS events into Redis database $REDIS_DB…"
"$JAVA_HOME/bin/java" load/AnalyticsEvents.java --events "$EVENTS" --db $REDIS_DB | tee "$WORK/analytics-generator.txt"
total=$(sed -n 's/^wrote \([0-9]*\) events.*/\1/p' "$WORK/analytics-generator.txt")
for stream in users products orders web; do
  printf '  events:%-8s %8d entries\n' "$stream" "$(redis-cli -n $REDIS_DB xlen "events:$stream")"
done

echo "starting an analytics instance on :$PORT (database $DB) with the backlog waiting…"
QUARKUS_HTTP_PORT=$PORT QUARKUS_HTTP_HOST=127.0.0.1 ANALYTICS_DB_NAME=$DB \
  REDIS_URL=redis://127.0.0.1:6379/$REDIS_DB QUARKUS_LOG_CONSOLE_JSON_ENABLED=false DB_POOL_MAX=8 \
  "$JAVA_HOME/bin/java" -XX:+UseSerialGC -Xmx256m --add-opens java.base/java.lang=ALL-UNNAMED \
  --enable-native-access=ALL-UNNAMED -jar "$JAR" >"$WORK/analytics.log" 2>&1 &
pid=$!
trap 'kill $pid 2>/dev/null; wait $pid 2>/dev/null || true; redis-cli -n '$REDIS_DB' flushdb >/dev/null' EXIT
deadline=$((SECONDS + 120))
until curl -fsS -o /dev/null "$URL/q/health/ready" 2>/dev/null; do
  kill -0 $pid 2>/dev/null || { tail -20 "$WORK/analytics.log"; echo "the instance died" >&2; exit 1; }
  [ $SECONDS -lt $deadline ] || { echo "not ready after 2 minutes" >&2; exit 1; }
  sleep 1
done

# Every generated type is one analytics keeps, so the log is complete at $total rows. Stalled = no row for 60 s.
last=-1 stalled_since=$SECONDS
while :; do
  applied=$(psql_bench $DB "select count(*) from event_log")
  [ "$applied" -ge "$total" ] && break
  if [ "$applied" != "$last" ]; then last=$applied stalled_since=$SECONDS; fi
  kill -0 $pid 2>/dev/null || { tail -20 "$WORK/analytics.log"; echo "the instance died" >&2; exit 1; }
  [ $((SECONDS - stalled_since)) -lt 60 ] || { echo "ingest stalled at $applied of $total" >&2; exit 1; }
  printf '\r  %d / %d applied' "$applied" "$total"
  sleep 2
done
echo
psql_bench $DB "select format('ingest: %s events in %s s = %s events/s (first to last applied)', count(*),
    round(extract(epoch from max(received_at) - min(received_at))::numeric, 1),
    round(count(*) / greatest(extract(epoch from max(received_at) - min(received_at)), 0.001)::numeric))
  from event_log"
psql_bench $DB "select format('  facts: %s orders (%s paid), %s lines, %s refunds, %s behaviour, %s searches, %s SKUs',
    (select count(*) from fact_order), (select count(*) from fact_order where paid_at is not null),
    (select count(*) from fact_order_line), (select count(*) from fact_refund), (select count(*) from fact_behaviour),
    (select count(*) from fact_search), (select count(*) from fact_stock))"
psql_bench $DB "vacuum analyze"
echo "analytics RSS after ingest: $(($(ps -o rss= -p $pid) / 1024)) MiB; ERROR/WARN lines logged:" \
  "$(grep -cE ' (ERROR|WARN) ' "$WORK/analytics.log" || true)"

# Representative dashboard SQL: what the report endpoints will compute, over the loaded year.
declare -A QUERIES=(
  [sales_by_day_30d]="select date_trunc('day', paid_at) d, count(*), sum(total_minor), sum(refunded_minor)
     from fact_order where paid_at >= now() - interval '30 days' and paid_at < now() group by 1 order by 1"
  [sales_by_month_year]="with o as (select date_trunc('month', paid_at) m, count(*) n, sum(total_minor) gross
       from fact_order where paid_at >= now() - interval '1 year' group by 1),
     r as (select date_trunc('month', refunded_at) m, sum(amount_minor) refunds from fact_refund
       where refunded_at >= now() - interval '1 year' group by 1)
     select o.m, o.n, o.gross, o.gross - coalesce(r.refunds, 0) net, o.gross / o.n aov from o left join r using (m) order by 1"
  [best_sellers_90d]="select l.product_id, p.name, sum(l.quantity) units, sum(l.quantity * l.unit_price_minor) revenue
     from fact_order_line l join fact_order o using (order_id) left join dim_product p using (product_id)
     where o.paid_at >= now() - interval '90 days' group by 1, 2 order by revenue desc limit 20"
  [funnel_by_day_30d]="select date_trunc('day', b.at) d,
       count(distinct b.session_key) filter (where kind = 'VIEW') viewed,
       count(distinct b.session_key) filter (where kind = 'CART_ADD') carted,
       count(distinct b.session_key) filter (where kind = 'CHECKOUT') checked_out,
       count(distinct b.order_id) filter (where kind = 'CHECKOUT' and exists
         (select 1 from fact_order o where o.order_id = b.order_id and o.paid_at is not null)) paid
     from fact_behaviour b where b.at >= now() - interval '30 days' group by 1 order by 1"
  [top_and_zero_searches_30d]="select query, count(*), count(*) filter (where result_count = 0) zero
     from fact_search where at >= now() - interval '30 days' group by query order by 2 desc limit 20"
  [low_stock_and_value]="select s.sku, s.available, s.low_stock_threshold, s.on_hand * v.price_minor stock_value
     from fact_stock s left join dim_variant v using (sku)
     where s.available <= coalesce(s.low_stock_threshold, 0) order by s.available limit 100"
  [new_vs_returning_by_month]="with firsts as (select user_id, min(paid_at) first_paid from fact_order
       where user_id is not null and paid_at is not null group by 1)
     select date_trunc('month', o.paid_at) m, count(*) filter (where o.paid_at = f.first_paid) new_orders,
       count(*) filter (where o.paid_at > f.first_paid) returning_orders
     from fact_order o join firsts f using (user_id) where o.paid_at >= now() - interval '1 year' group by 1 order by 1"
)
echo "dashboard SQL through psql, $REPEAT runs each after 3 unmeasured (p50 / p95 / max, ms):"
for name in $(printf '%s\n' "${!QUERIES[@]}" | sort); do
  script="$WORK/analytics-query.sql"
  { echo '\o /dev/null'
    for _ in 1 2 3; do echo "${QUERIES[$name]};"; done
    echo '\timing on'
    for _ in $(seq "$REPEAT"); do echo "${QUERIES[$name]};"; done
  } >"$script"
  psql -h "${DB_HOST:-127.0.0.1}" -U "${DB_USER:-postgres}" -d $DB -v ON_ERROR_STOP=1 -q -f "$script" \
    | sed -n 's/^Time: \([0-9.]*\) ms.*/\1/p' | sort -n \
    | awk -v name="$name" '{t[NR] = $1} END {printf "  %-28s p50 %7.1f | p95 %7.1f | max %7.1f\n", name,
        t[int((NR + 1) * 0.5)], t[int(NR * 0.95 + 0.5)], t[NR]}'
done
