#!/usr/bin/env bash
# Dashboard latency of the real analytics report endpoints over the data load/analytics-benchmark.sh loaded
# (database analytics_bench: one million events). Starts its own analytics instance on :18084 against that
# database with event consumption off, signs in as the bootstrap admin of the running platform (its users service
# issues the token the instance verifies), then calls every report 3 times unmeasured and 30 times measured, for
# the last 30 days (by day) and for the last year (by month), and prints p50 / p95 / max per report.
# Usage: ./scalecommerce up --detach && load/analytics-benchmark.sh && load/analytics-reports-benchmark.sh
set -euo pipefail
cd "$(dirname "$0")/.."
export JAVA_HOME=${JAVA_HOME:-/usr/lib/jvm/temurin-25-jdk-amd64}
PORT=18084
REPEAT=${BENCH_REPEAT:-30}
[ -f .run/secrets.env ] || { echo "start the platform first: ./scalecommerce up --detach" >&2; exit 1; }
curl -fsS -o /dev/null http://127.0.0.1:8081/q/health/ready || { echo "users is not running: ./scalecommerce up --detach" >&2; exit 1; }
[ -n "$(psql -h 127.0.0.1 -U "${DB_USER:-postgres}" -d postgres -tAc "select 1 from pg_database where datname = 'analytics_bench'")" ] \
  || { echo "no analytics_bench database: run load/analytics-benchmark.sh first" >&2; exit 1; }
set -a; . .run/secrets.env; set +a
JAR=services/analytics/target/quarkus-app/quarkus-run.jar
[ -f "$JAR" ] || ./mvnw -B -q -DskipTests -Dspotless.check.skip=true package -pl services/analytics -am

mkdir -p .run/bench
QUARKUS_HTTP_PORT=$PORT QUARKUS_HTTP_HOST=127.0.0.1 ANALYTICS_DB_NAME=analytics_bench DB_POOL_MAX=8 \
  REDIS_URL=redis://127.0.0.1:6379/6 SCALECOMMERCE_EVENTS_CONSUMER_ENABLED=false QUARKUS_LOG_CONSOLE_JSON_ENABLED=false \
  "$JAVA_HOME/bin/java" -XX:+UseSerialGC -Xmx256m --add-opens java.base/java.lang=ALL-UNNAMED -jar "$JAR" \
  >.run/bench/analytics-reports.log 2>&1 &
pid=$!
trap 'kill $pid 2>/dev/null || true' EXIT
for _ in $(seq 1 120); do curl -fsS -o /dev/null "http://127.0.0.1:$PORT/q/health/ready" 2>/dev/null && break; sleep 0.5; done

ADMIN_EMAIL=${ADMIN_EMAIL:-admin@scalecommerce.local} REPEAT=$REPEAT PORT=$PORT python3 - <<'PY'
import json, os, statistics, time, urllib.request
from datetime import date, timedelta
login = urllib.request.Request("http://127.0.0.1:8081/api/auth/login",
    json.dumps({"email": os.environ["ADMIN_EMAIL"], "password": os.environ["ADMIN_PASSWORD"]}).encode(),
    {"Content-Type": "application/json"})
token = json.load(urllib.request.urlopen(login))["access_token"]
base = "http://127.0.0.1:%s/api/admin/analytics" % os.environ["PORT"]
end = date.today() + timedelta(days=1)
ranges = {"30 days by day": (end - timedelta(days=30), "day"), "1 year by month": (end - timedelta(days=365), "month")}
reports = ["sales", "sales/by-product", "sales/by-category", "products", "funnel", "customers",
           "customers/cohorts", "customers/top", "search", "inventory"]
repeat = int(os.environ["REPEAT"])
print("%-20s %-16s %9s %9s %9s" % ("report", "range", "p50 ms", "p95 ms", "max ms"))
for label, (start, unit) in ranges.items():
    for report in reports:
        url = "%s/%s?from=%s&to=%s&granularity=%s" % (base, report, start, end, unit)
        if report in ("search", "inventory", "customers/top", "customers/cohorts", "products",
                      "sales/by-product", "sales/by-category"):
            url = "%s/%s?from=%s&to=%s" % (base, report, start, end)
        timings = []
        for i in range(3 + repeat):
            request = urllib.request.Request(url, headers={"Authorization": "Bearer " + token})
            started = time.perf_counter()
            with urllib.request.urlopen(request) as answer:
                answer.read()
            if i >= 3:
                timings.append((time.perf_counter() - started) * 1000)
        timings.sort()
        p95 = timings[max(0, int(round(0.95 * len(timings))) - 1)]
        print("%-20s %-16s %9.1f %9.1f %9.1f" % (report, label, statistics.median(timings), p95, timings[-1]))
PY
