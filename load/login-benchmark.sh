#!/usr/bin/env bash
# Login throughput and p99 at 50 concurrent clients against the running users service, then its RSS.
# Usage: ./scalecommerce up --detach && load/login-benchmark.sh [duration, default 30s]
# Loopback only; bounded by the duration.
set -euo pipefail
cd "$(dirname "$0")/.."
USERS=${USERS_URL:-http://127.0.0.1:8081}
DURATION=${1:-30s}
command -v wrk >/dev/null || { apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq wrk; }
[ -f .run/pids/users.pid ] || { echo "users is not running: ./scalecommerce up --detach" >&2; exit 1; }
pid=$(cat .run/pids/users.pid)

export BENCH_EMAIL="bench-$(date +%s)@example.com"
export BENCH_PASSWORD="correct horse battery staple $(date +%s)"
curl -fsS -o /dev/null -X POST "$USERS/api/auth/register" -H 'Content-Type: application/json' \
  -d "{\"email\":\"$BENCH_EMAIL\",\"password\":\"$BENCH_PASSWORD\",\"name\":\"Bench\"}"

echo "warm-up (10s)…"
wrk -t2 -c50 -d10s -s load/login.lua "$USERS/api/auth/login" >/dev/null
echo "measuring ($DURATION, 50 connections, 2 threads)…"
wrk -t2 -c50 -d"$DURATION" --timeout 10s -s load/login.lua "$USERS/api/auth/login"
echo "users RSS after the run: $(( $(ps -o rss= -p "$pid") / 1024 )) MiB"
