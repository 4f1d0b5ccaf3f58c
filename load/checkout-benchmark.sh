#!/usr/bin/env bash
# Cart and checkout throughput and latency against the running platform (orders on :8083), then orders' RSS.
# Usage: ./scalecommerce up --detach && load/checkout-benchmark.sh [duration, default 30s] [concurrency, default 32]
# Prepares, as the bootstrap admin: one demo product's SKU stocked up to 1,000,000 units and a flat shipping
# method for BENCH_COUNTRY (default US) in the catalog's currency, both reused by later runs. BENCH_SKUS=n
# (default 1) spreads the users over the first n listed products instead: one SKU is the flash-sale case, where
# every checkout updates the same stock row at products. Then
# load/ShopLoad.java runs `cart` (add / view / change / remove on one guest cart per user) and `checkout` (a new
# guest cart with one unit, then POST /api/checkout paid with pm_card_visa), each after a warm-up (BENCH_WARMUP,
# default 10s) that is not counted.
# Every checkout is a real order: stock, payment rows, outbox events and a confirmation mail to the local mailbox.
# Loopback only; bounded by the duration.
set -euo pipefail
cd "$(dirname "$0")/.."
USERS=${USERS_URL:-http://127.0.0.1:8081}
PRODUCTS=${PRODUCTS_URL:-http://127.0.0.1:8082}
ORDERS=${ORDERS_URL:-http://127.0.0.1:8083}
DURATION=${1:-30s}
CONCURRENCY=${2:-32}
COUNTRY=${BENCH_COUNTRY:-US}
SKUS=${BENCH_SKUS:-1}
STOCK=1000000
export JAVA_HOME=${JAVA_HOME:-/usr/lib/jvm/temurin-25-jdk-amd64}

alive() { [ -f ".run/pids/$1.pid" ] && kill -0 "$(cat ".run/pids/$1.pid")" 2>/dev/null; }
for service in users products orders; do
  alive $service || { echo "$service is not running: ./scalecommerce up --detach" >&2; exit 1; }
done
command -v python3 >/dev/null || { echo "python3 is needed to read the JSON answers" >&2; exit 1; }
pid=$(cat .run/pids/orders.pid)
# The launcher's admin: its email unless overridden, the password it generated into .run/secrets.env.
ADMIN_EMAIL=${ADMIN_EMAIL:-admin@scalecommerce.local}
ADMIN_PASSWORD=$(sed -n 's/^ADMIN_PASSWORD=//p' .run/secrets.env)

# json 'expression over j' < body: prints the value (python3, as ./scalecommerce mail does).
json() { python3 -c "import json,sys; j=json.load(sys.stdin); v=$1; print('' if v is None else v)"; }
api() { # method, url, [body]: the answer's body; fails loudly on an unexpected status
  local out status
  out=$(mktemp)
  status=$(curl -sS -o "$out" -w '%{http_code}' -X "$1" "$2" -H "Authorization: Bearer ${TOKEN:-}" \
    -H 'Content-Type: application/json' ${3:+-d "$3"})
  if [ "${status:0:1}" != 2 ] && [ "${EXPECT_STATUS:-}" != "$status" ]; then
    echo "$1 $2 answered $status: $(cat "$out")" >&2; rm -f "$out"; return 1
  fi
  cat "$out"; rm -f "$out"
}

TOKEN=$(api POST "$USERS/api/auth/login" "{\"email\":\"$ADMIN_EMAIL\",\"password\":\"$ADMIN_PASSWORD\"}" \
  | json 'j["access_token"]')

# The first products of the public listing (stable between runs), the first variant of each, each stocked up to
# $STOCK available so that every run starts from the same level and never sells out.
products=() skus=()
for product in $(api GET "$PRODUCTS/api/products?limit=$SKUS" | json '" ".join(i["id"] for i in j["items"])'); do
  detail=$(api GET "$PRODUCTS/api/products/$product")
  sku=$(json 'j["variants"][0]["sku"]' <<<"$detail")
  currency=$(json 'j["currency"]' <<<"$detail")
  available=$(api GET "$PRODUCTS/api/admin/inventory/$sku" | json 'j["available"]')
  if [ "$available" -lt $STOCK ]; then
    api POST "$PRODUCTS/api/admin/inventory/$sku/receipts" \
      "{\"quantity\":$((STOCK - available)),\"reason\":\"checkout benchmark\"}" >/dev/null
  fi
  echo "product $product ($(json 'j["name"]' <<<"$detail")), SKU $sku, $currency:" \
    "$(api GET "$PRODUCTS/api/admin/inventory/$sku" | json 'j["available"]') available"
  products+=("$product") skus+=("$sku")
done
[ ${#skus[@]} -gt 0 ] || { echo "the catalog lists no product" >&2; exit 1; }

# A shipping method for the country in the catalog's currency: an existing one, or a benchmark zone + method.
method=$(api GET "$ORDERS/api/checkout/shipping-options?country=$COUNTRY&currency=$currency" \
  | json 'j["options"][0]["methodId"] if j["options"] else None')
if [ -z "$method" ]; then
  zone=$(EXPECT_STATUS=409 api POST "$ORDERS/api/admin/shipping/zones" \
    "{\"name\":\"Benchmark $COUNTRY\",\"areas\":[{\"country\":\"$COUNTRY\"}]}" | json 'j.get("id")')
  if [ -z "$zone" ]; then # the country is in a zone already (409 SHIPPING_AREA_TAKEN), just not in this currency
    zone=$(api GET "$ORDERS/api/admin/shipping/zones?limit=200" | COUNTRY=$COUNTRY json \
      'next(z["id"] for z in j["items"] for a in z["areas"] if a["country"] == __import__("os").environ["COUNTRY"] and not a.get("region"))')
  fi
  method=$(api POST "$ORDERS/api/admin/shipping/zones/$zone/methods" \
    "{\"name\":\"Benchmark flat\",\"kind\":\"FLAT\",\"currency\":\"$currency\",\"rateMinor\":500,\"minDays\":2,\"maxDays\":5}" \
    | json 'j["id"]')
fi
echo "shipping method $method to $COUNTRY"

log_lines=$(wc -l <.run/logs/orders.log)
shop() { "$JAVA_HOME/bin/java" load/ShopLoad.java "$1" --url "$ORDERS" --product "$(IFS=,; echo "${products[*]}")" \
  --sku "$(IFS=,; echo "${skus[*]}")" \
  --method "$method" --country "$COUNTRY" --duration "$DURATION" --concurrency "$CONCURRENCY" --warmup "${BENCH_WARMUP:-10s}"; }
status=0
echo
shop cart || status=1
echo
shop checkout || status=1
echo
echo "orders RSS after the runs: $(($(ps -o rss= -p "$pid") / 1024)) MiB"
problems=$(tail -n +"$((log_lines + 1))" .run/logs/orders.log | grep -cE ' (ERROR|WARN) ' || true)
echo "orders log: $problems ERROR/WARN lines during the runs (.run/logs/orders.log)"
exit $status
