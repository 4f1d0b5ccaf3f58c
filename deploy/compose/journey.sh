#!/usr/bin/env bash
# The whole stack in containers, proven end to end, then removed:
#   1. builds every image (build-images.sh; --maven builds the jars first)
#   2. brings the stack up with podman-compose (only the edge is published: 127.0.0.1:$EDGE_PORT, 8090 default)
#   3. waits on each service's /q/health/ready from inside its own container (podman-compose does not run
#      container healthchecks, and nothing but the edge is published)
#   4. a cross-service journey through the edge with curl: storefront page, register + mailed verification
#      link, sign in, browse, cart, address, shipping options, checkout with the sandbox test card, the order in
#      the customer's history and in the admin API, the confirmation mail, analytics answering the admin
#   5. tears everything down, volumes included (also on failure or Ctrl-C). KEEP=1 leaves it running.
# Needs: podman, podman-compose, curl, jq. Base images: shared/tools/container-env.sh.
set -euo pipefail
HERE=$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)
ROOT=$(cd "$HERE/../.." && pwd)
export EDGE_PORT=${EDGE_PORT:-8090}
EDGE="http://127.0.0.1:$EDGE_PORT"
PROJECT=scalecommerce
COMPOSE=(podman-compose -p "$PROJECT" -f "$HERE/compose.yaml")
say() { printf '\033[1m%s\033[0m\n' "$*"; }
ok() { printf '  ok  %s\n' "$*"; }
fail() { printf '  FAIL %s\n' "$*" >&2; exit 1; }

# --- 1. images ---------------------------------------------------------------------------------------------
if [ -z "${SKIP_BUILD:-}" ]; then "$HERE/build-images.sh" "$@"; fi
"$HERE/secrets.sh"
set -a; . "$HERE/.env"; set +a

# --- 2. up, with teardown guaranteed -----------------------------------------------------------------------
teardown() {
  local code=$?
  if [ -n "${KEEP:-}" ]; then say "KEEP=1: the stack stays up ($EDGE); remove it with: ${COMPOSE[*]} down -v"; exit $code; fi
  if [ $code -ne 0 ]; then
    say "Failed: each container's restarts and its last log lines (JSON logs: level, logger, message, root cause)"
    for c in $(podman ps -a --filter "label=io.podman.compose.project=$PROJECT" --format '{{.Names}}'); do
      echo "--- $c ($(podman inspect "$c" --format 'restarts {{.RestartCount}}, {{.State.Status}}, exit {{.State.ExitCode}}'))"
      podman logs --tail 40 "$c" 2>&1 | grep -v '^WARNING: \|^NOTE: Picked up' | python3 -c '
import json, sys
for line in sys.stdin:
    try:
        d = json.loads(line)
    except ValueError:
        print("   ", line.rstrip()[:300]); continue
    e, cause = d.get("exception"), ""
    while e:
        cause = "%s: %s" % (e.get("exceptionType"), (e.get("message") or "").splitlines()[0] if e.get("message") else "")
        e = (e.get("causedBy") or {}).get("exception")
    print("    %s %s %s %s" % (d.get("level"), d.get("loggerName", "").split(".")[-1], d.get("message", "")[:200], cause[:300]))' | tail -12
    done
  fi
  say "Tearing down"
  "${COMPOSE[@]}" down -v -t 30 >/dev/null 2>&1 || true
  podman volume rm -f "${PROJECT}_pgdata" "${PROJECT}_redisdata" "${PROJECT}_media" >/dev/null 2>&1 || true
  exit $code
}
trap teardown EXIT
trap 'exit 130' INT TERM

say "Starting the stack (edge on $EDGE)"
"${COMPOSE[@]}" down -v >/dev/null 2>&1 || true
"${COMPOSE[@]}" up -d >/tmp/scalecommerce-compose-up.log 2>&1 || { cat /tmp/scalecommerce-compose-up.log; fail "compose up"; }
container() { podman ps -q --filter "label=io.podman.compose.project=$PROJECT" --filter "label=com.docker.compose.service=$1" | head -1; }
# An HTTP GET from inside a container (bash /dev/tcp: the JRE images carry no curl). Prints the whole answer.
inside_get() { # service, port, path
  podman exec "$(container "$1")" bash -c "exec 3<>/dev/tcp/127.0.0.1/$2 && printf 'GET %s HTTP/1.0\r\nHost: localhost\r\n\r\n' '$3' >&3 && cat <&3" 2>/dev/null
}

# --- 3. health -----------------------------------------------------------------------------------------------
say "Waiting for readiness"
started=$SECONDS
for entry in users:8081 products:8082 orders:8083 analytics:8084 web:8080; do
  name=${entry%%:*} port=${entry##*:}
  # A service that fails its start (the restart policy brings it back) is not running for a moment: only the
  # deadline or a start that keeps failing ends the wait.
  until inside_get "$name" "$port" /q/health/ready | head -1 | grep -q ' 200 '; do
    [ $((SECONDS - started)) -lt ${READY_TIMEOUT:-600} ] || fail "$name not ready within ${READY_TIMEOUT:-600} s"
    restarts=$(podman inspect "${PROJECT}_${name}_1" --format '{{.RestartCount}}' 2>/dev/null || echo 0)
    [ "${restarts:-0}" -le 5 ] || fail "$name keeps failing to start ($restarts restarts)"
    sleep 2
  done
  started_probe=$(inside_get "$name" "$port" /q/health/started | head -1 | awk '{print $2}')
  live=$(inside_get "$name" "$port" /q/health/live | head -1 | awk '{print $2}')
  ok "$name ready after $((SECONDS - started)) s (live $live, started ${started_probe:-n/a}, restarts $(podman inspect "${PROJECT}_${name}_1" --format '{{.RestartCount}}'))"
done
until curl -fsS -o /dev/null "$EDGE/healthz"; do sleep 1; [ $((SECONDS - started)) -lt $((${READY_TIMEOUT:-600} + 30)) ] || fail "edge"; done
ok "edge answers on $EDGE"

# --- 4. the journey ------------------------------------------------------------------------------------------
say "Journey through the edge"
status_of() { curl -s -o /dev/null -w '%{http_code}' "$@"; }
# A freshly started JVM on a busy machine answers its first requests slowly, and the services then answer 503 with
# Retry-After by design (fail fast, nothing done): any request answered 503 is retried for up to a minute, reads
# also on 502/504; a write whose outcome is unknown (502/504) is never repeated.
status_eventually() { # expected status, curl args...
  local want=$1 got; shift
  for _ in $(seq 30); do
    got=$(status_of "$@")
    [ "$got" = "$want" ] && return 0
    [[ $got == 50[234] ]] || break
    sleep 2
  done
  echo "$got"; return 1
}
api() { # method, path, [json body], [extra curl args...]: prints the body, fails on a non-2xx answer
  local method=$1 path=$2 body=${3:-}; shift 3 || shift $#
  local out code attempt
  out=$(mktemp)
  for attempt in $(seq 30); do
    if [ -n "$body" ]; then
      code=$(curl -s --max-time 60 -o "$out" -w '%{http_code}' -X "$method" -H 'Content-Type: application/json' -d "$body" "$@" "$EDGE$path")
    else
      code=$(curl -s --max-time 60 -o "$out" -w '%{http_code}' -X "$method" "$@" "$EDGE$path")
    fi
    if [ "$code" = 503 ] || { [ "$method" = GET ] && [[ $code == 50[24] ]]; }; then sleep 2; continue; fi
    break
  done
  if [[ $code != 2* ]]; then echo "$method $path -> $code: $(head -c 600 "$out")" >&2; rm -f "$out"; return 1; fi
  cat "$out"; rm -f "$out"
}

got=$(status_eventually 200 "$EDGE/") || fail "storefront home page answered $got"
curl -s "$EDGE/" | grep -qi '<html' || fail "storefront home page is not HTML"
ok "GET / -> web: storefront home page (HTML)"
[ "$(status_of "$EDGE/q/health/ready")" = 404 ] || fail "/q/ must not be public"
[ "$(status_of -X POST "$EDGE/api/inventory/reservations")" = 404 ] || fail "/api/inventory must not be public"
ok "/q/* and /api/inventory/* are not routed by the edge (404)"
api GET /.well-known/openid-configuration | jq -e '.jwks_uri' >/dev/null || fail "discovery"
ok "GET /.well-known/openid-configuration -> users"

email="journey-$(date +%s)-$RANDOM@example.com"
password="Journey pass $(head -c 6 /dev/urandom | base64 | tr -d '/+=')"
api POST /api/auth/register "$(jq -nc --arg e "$email" --arg p "$password" '{email:$e,password:$p,name:"Compose Journey"}')" >/dev/null \
  || fail "register"
ok "POST /api/auth/register -> users ($email)"

# The verification link arrives by SMTP in the mailbox container; its REST API lists the raw MIME messages.
mail_json() { inside_get mailbox 8025 "/api/user/$1/messages/INBOX" | sed '1,/^\r\{0,1\}$/d'; }
mail_text() { # every message for the address, decoded (quoted-printable would split links across lines)
  mail_json "$1" | python3 -c '
import email, json, sys
for m in json.load(sys.stdin):
    for part in email.message_from_string(m.get("mimeMessage", "")).walk():
        if part.get_content_maintype() == "text":
            print(part.get_payload(decode=True).decode(part.get_content_charset() or "utf-8", "replace"))' 2>/dev/null || true
}
token=""
for _ in $(seq 30); do
  token=$(mail_text "$email" | python3 -c '
import re, sys, urllib.parse
m = re.search(r"verify-email\?token=([^\s\"<>&]+)", sys.stdin.read())
print(urllib.parse.unquote(m.group(1)) if m else "")')
  [ -n "$token" ] && break
  sleep 1
done
[ -n "$token" ] || fail "no verification mail for $email"
api POST /api/auth/email/verify "$(jq -nc --arg t "$token" '{token:$t}')" >/dev/null || fail "verify e-mail"
ok "verification mail received (mailbox) and POST /api/auth/email/verify -> users"

login() { api POST /api/auth/login "$(jq -nc --arg e "$1" --arg p "$2" '{email:$e,password:$p}')" | jq -er .access_token; }
customer=$(login "$email" "$password") || fail "customer login"
ok "POST /api/auth/login -> users: access token"

listing=$(api GET "/api/products?inStock=true") || fail "catalog"
ok "GET /api/products -> products: $(jq '.items | length' <<<"$listing") products on the first page, total $(jq '.total' <<<"$listing")"
product="" sku="" slug=""
for candidate in $(jq -r '.items[].slug' <<<"$listing"); do
  detail=$(api GET "/api/products/$candidate") || continue
  sku=$(jq -r '.variants[] | select(.available) | .sku' <<<"$detail" | head -1)
  if [ -n "$sku" ]; then product=$(jq -r .id <<<"$detail"); currency=$(jq -r .currency <<<"$detail"); slug=$candidate; break; fi
done
[ -n "$sku" ] || fail "no product in stock on the first page"
ok "GET /api/products/$slug -> products: variant $sku available ($currency)"
got=$(status_eventually 200 "$EDGE/p/$slug") || fail "storefront product page answered $got"
ok "GET /p/$slug -> web: product page"

api POST /api/cart/items "$(jq -nc --arg p "$product" --arg s "$sku" '{productId:$p,sku:$s,quantity:1}')" \
  -H "Authorization: Bearer $customer" >/dev/null || fail "add to cart"
cart=$(api GET /api/cart "" -H "Authorization: Bearer $customer") || fail "cart"
ok "POST /api/cart/items, GET /api/cart -> orders: $(jq '.lines | length' <<<"$cart") line(s)"

address=$(api POST /api/users/me/addresses \
  '{"recipientName":"Compose Journey","line1":"1 Market Street","city":"Springfield","region":"IL","postalCode":"62701","country":"US"}' \
  -H "Authorization: Bearer $customer" | jq -er .id) || fail "address"
options=$(api GET "/api/checkout/shipping-options?country=US&region=IL&currency=$currency" "" -H "Authorization: Bearer $customer") \
  || fail "shipping options"
method=$(jq -er '.options[0].methodId' <<<"$options") || fail "no shipping option for US"
ok "address book entry (users) and $(jq '.options | length' <<<"$options") shipping option(s) (orders)"

order=$(api POST /api/checkout \
  "$(jq -nc --arg a "$address" --arg m "$method" '{shippingAddressId:$a,shippingMethodId:$m,paymentMethod:"pm_card_visa"}')" \
  -H "Authorization: Bearer $customer" -H "Idempotency-Key: journey-$(date +%s%N)") || fail "checkout"
order_id=$(jq -er '.order.id' <<<"$order") || fail "checkout answered no order id: $order"
ok "POST /api/checkout -> orders (reserve at products, pay with the sandbox): order $order_id $(jq -r '.order.status' <<<"$order"), payment $(jq -r '.payment.status' <<<"$order")"

api GET /api/orders "" -H "Authorization: Bearer $customer" | grep -q "$order_id" || fail "order not in the customer's history"
ok "GET /api/orders -> orders: the order is in the customer's history"

admin=$(login "$ADMIN_EMAIL" "$ADMIN_PASSWORD") || fail "admin login"
admin_order=$(api GET "/api/admin/orders/$order_id" "" -H "Authorization: Bearer $admin") || fail "admin order"
ok "GET /api/admin/orders/$order_id -> orders (admin): status $(jq -r .status <<<"$admin_order"), total $(jq -r '.totalMinor' <<<"$admin_order") $(jq -r '.currency' <<<"$admin_order")"
got=$(status_eventually 403 "$EDGE/api/admin/orders" -H "Authorization: Bearer $customer") || fail "a customer listing all orders got $got, not 403"
ok "GET /api/admin/orders as the customer -> 403"

# order.paid travels orders' outbox -> Redis stream -> analytics' consumer group -> the sales report.
counted=0
for _ in $(seq 30); do
  sales=$(api GET /api/admin/analytics/sales "" -H "Authorization: Bearer $admin") || fail "analytics"
  counted=$(jq '[.currencies[]?.series[]?.orders] | add // 0' <<<"$sales")
  [ "$counted" -ge 1 ] && break
  sleep 1
done
[ "$counted" -ge 1 ] || fail "the paid order never reached analytics' sales report: $sales"
ok "GET /api/admin/analytics/sales -> analytics (admin): $counted paid order(s), via the event stream"

for _ in $(seq 30); do
  mails=$(mail_json "$email" | jq 'length' 2>/dev/null || echo 0)
  [ "${mails:-0}" -ge 2 ] && break
  sleep 1
done
[ "${mails:-0}" -ge 2 ] && ok "order confirmation mail delivered ($mails mails for $email)" \
  || echo "  warn no order confirmation mail within 30 s (the order is paid; mails are asynchronous)"

# Graceful stop: SIGTERM, in-flight requests drain (quarkus.shutdown.timeout), the JVM exits well before SIGKILL.
web_container=$(container web)
stop_started=$SECONDS
podman stop -t 30 "$web_container" >/dev/null
stop_code=$(podman inspect "$web_container" --format '{{.State.ExitCode}}')
[ $((SECONDS - stop_started)) -lt 30 ] || fail "web did not stop on SIGTERM within 30 s"
ok "web stopped on SIGTERM in $((SECONDS - stop_started)) s (exit $stop_code; log: $(podman logs --tail 5 "$web_container" 2>&1 | grep -o 'stopped in [0-9.]*s' | tail -1))"

say "Journey passed in $SECONDS s"
