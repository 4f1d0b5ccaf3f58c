#!/usr/bin/env bash
# The whole stack in containers, proven end to end, then removed:
#   1. builds every image (build-images.sh; --maven builds the jars first)
#   2. brings the stack up with podman-compose (only the edge is published: 127.0.0.1:$EDGE_PORT, 8090 default)
#   3. waits on each service's /q/health/ready from inside its own container (podman-compose does not run
#      container healthchecks, and nothing but the edge is published)
#   4. a cross-service journey through the edge with curl: storefront page, register + mailed verification
#      link, sign in, browse, cart, address, shipping options, checkout with the sandbox test card, the order in
#      the customer's history and in the admin API, the confirmation mail, analytics answering the admin
#   5. shared state: a storefront sign-in with a cookie jar (form, sign-in, account, cart and order pages), the
#      API token accepted everywhere, the cart seen by every orders replica, users' login throttle counting in
#      Redis, product images from the shared media volume
#   6. tears everything down, volumes included (also on failure or Ctrl-C). KEEP=1 leaves it running.
#
# REPLICAS=2 deploy/compose/journey.sh runs two containers of every service (users, products, orders, analytics,
# web: compose.yaml's deploy.replicas) behind the edge and proves they serve one journey as one platform. Every
# request of step 5 carries its own X-Request-Id, and the edge's access log (upstream=<replica's address>) tells
# which replica answered it; requests are repeated until every replica has answered, and then:
#   - sessions: the sign-in form rendered by one web replica is posted to the other (CSRF token and session
#     cookie are the shared WEB_SESSION_KEY's), and every web replica shows the signed-in customer, cart, order;
#   - tokens: an access token minted by one users replica is accepted by every users replica and by orders;
#   - carts: a line added through one orders replica is in the cart every orders replica reads (Redis);
#   - rate limits: N failed logins spread over both users replicas are N in Redis, and attempt N+1 is refused
#     (429), N being users' account-free-failures (5);
#   - the edge's log shows every service's requests served by REPLICAS distinct addresses;
#   - a web replica stopped with SIGTERM: the edge keeps serving from the other; restarted (a new address), the
#     edge reloads (edge-entrypoint.sh) and sends it requests again.
# With one replica (the default) the same requests run; only the "another replica" assertions are skipped.
# Needs: podman, podman-compose, curl, jq. Base images: shared/tools/container-env.sh.
set -euo pipefail
HERE=$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)
ROOT=$(cd "$HERE/../.." && pwd)
export EDGE_PORT=${EDGE_PORT:-8090}
EDGE="http://127.0.0.1:$EDGE_PORT"
PROJECT=scalecommerce
export REPLICAS=${REPLICAS:-1}
[[ $REPLICAS =~ ^[1-9]$ ]] || { echo "REPLICAS must be 1 to 9" >&2; exit 2; }
SERVICES=(users:8081 products:8082 orders:8083 analytics:8084 web:8080)
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
  remove_stack
  rm -f "$BODY" "$HEADERS" "$JAR"
  podman volume rm -f "${PROJECT}_pgdata" "${PROJECT}_redisdata" "${PROJECT}_media" >/dev/null 2>&1 || true
  exit $code
}
# podman-compose 1.0.3 removes only the replicas the current REPLICAS names: a container left by a run with more
# (or by a crash) is removed by its project label.
remove_stack() {
  "${COMPOSE[@]}" down -v -t 30 >/dev/null 2>&1 || true
  local left
  left=$(podman ps -aq --filter "label=io.podman.compose.project=$PROJECT")
  if [ -n "$left" ]; then podman rm -f -t 30 $left >/dev/null 2>&1 || true; fi
}
BODY=$(mktemp) HEADERS=$(mktemp) JAR=$(mktemp)
trap teardown EXIT
trap 'exit 130' INT TERM

say "Starting the stack (edge on $EDGE, $REPLICAS replica(s) of each service)"
remove_stack
podman volume rm -f "${PROJECT}_pgdata" "${PROJECT}_redisdata" "${PROJECT}_media" >/dev/null 2>&1 || true
"${COMPOSE[@]}" up -d >/tmp/scalecommerce-compose-up.log 2>&1 || { cat /tmp/scalecommerce-compose-up.log; fail "compose up"; }
# Containers are named <project>_<service>_<n> (podman-compose), n = 1..REPLICAS.
replica() { echo "${PROJECT}_${1}_${2:-1}"; }
restarts() { podman inspect "$1" --format '{{.RestartCount}}' 2>/dev/null || echo 0; }
# An HTTP GET from inside a container (bash /dev/tcp: the JRE images carry no curl). Prints the whole answer.
inside_get() { # container, port, path
  podman exec "$1" bash -c "exec 3<>/dev/tcp/127.0.0.1/$2 && printf 'GET %s HTTP/1.0\r\nHost: localhost\r\n\r\n' '$3' >&3 && cat <&3" 2>/dev/null
}
await_ready() { # container, port
  local c=$1 port=$2
  # A service that fails its start (the restart policy brings it back) is not running for a moment: only the
  # deadline or a start that keeps failing ends the wait.
  until inside_get "$c" "$port" /q/health/ready | head -1 | grep -q ' 200 '; do
    [ $((SECONDS - started)) -lt ${READY_TIMEOUT:-600} ] || fail "$c not ready within ${READY_TIMEOUT:-600} s"
    [ "$(restarts "$c")" -le 5 ] || fail "$c keeps failing to start ($(restarts "$c") restarts)"
    sleep 2
  done
}

# --- 3. health -----------------------------------------------------------------------------------------------
say "Waiting for readiness"
started=$SECONDS
for entry in "${SERVICES[@]}"; do
  name=${entry%%:*} port=${entry##*:}
  for n in $(seq "$REPLICAS"); do
    c=$(replica "$name" "$n")
    await_ready "$c" "$port"
    started_probe=$(inside_get "$c" "$port" /q/health/started | head -1 | awk '{print $2}')
    live=$(inside_get "$c" "$port" /q/health/live | head -1 | awk '{print $2}')
    ok "$c ready after $((SECONDS - started)) s (live $live, started ${started_probe:-n/a}, restarts $(restarts "$c"))"
  done
done
until curl -fsS -o /dev/null "$EDGE/healthz"; do sleep 1; [ $((SECONDS - started)) -lt $((${READY_TIMEOUT:-600} + 30)) ] || fail "edge"; done
EDGE_CONTAINER=$(replica edge)
# Each service name resolves to one address per replica on the stack's network; the edge balances over them.
for entry in "${SERVICES[@]}"; do
  name=${entry%%:*}
  for _ in $(seq 15); do
    addresses=$(podman exec "$EDGE_CONTAINER" getent ahostsv4 "$name" | awk '{print $1}' | sort -u | wc -l)
    [ "$addresses" -eq "$REPLICAS" ] && break
    sleep 1
  done
  [ "$addresses" -eq "$REPLICAS" ] || fail "the name $name has $addresses address(es) at the edge, not $REPLICAS"
done
ok "edge answers on $EDGE; every service name has $REPLICAS address(es) there"

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

# --- requests whose replica matters ---------------------------------------------------------------------------
# One request through the edge with its own X-Request-Id: the body goes to $BODY, the headers to $HEADERS, the
# status to $CODE, the id to $RID. A 503 (a service says so, having done nothing, while it warms up) is repeated.
call() {
  for _ in $(seq 30); do
    RID="journey-$(date +%s%N)"
    CODE=$(curl -s --max-time 60 -o "$BODY" -D "$HEADERS" -w '%{http_code}' -H "X-Request-Id: $RID" "$@")
    [ "$CODE" = 503 ] || return 0
    sleep 2
  done
}
header() { grep -i "^$1:" "$HEADERS" | tail -1 | cut -d' ' -f2- | tr -d '\r'; }
# Which container an address of the stack's network belongs to (users_1, users_2, ...).
declare -A REPLICA_AT
map_replicas() {
  local c
  REPLICA_AT=()
  for c in $(podman ps --filter "label=io.podman.compose.project=$PROJECT" --format '{{.Names}}'); do
    REPLICA_AT[$(podman inspect "$c" --format '{{range .NetworkSettings.Networks}}{{.IPAddress}}{{end}}')]=${c#"${PROJECT}"_}
  done
}
who() { echo "${REPLICA_AT[${1%:*}]:-$1}"; }
# The replica that answered a request: the upstream address the edge logged with its request id (the last one,
# when the edge tried another replica after a connection error).
served_by() { # request id
  local line=""
  for _ in $(seq 25); do
    line=$(podman logs "$EDGE_CONTAINER" 2>/dev/null | grep -E "req=$1\$" | tail -1)
    [ -n "$line" ] && break
    sleep 0.2
  done
  line=$(grep -o 'upstream=[0-9.:]*\(, [0-9.:]*\)*' <<<"$line" | sed 's/.*[= ]//')
  if [ -n "$line" ]; then who "$line"; else echo "nobody"; fi
}
# Repeats a check (a function making one call) until every replica of the service has passed it; any wrong answer
# fails at once. With one replica, one pass.
every_replica() { # service, what, check
  local service=$1 what=$2 check=$3 try by
  local -A seen=()
  for try in $(seq $((REPLICAS * 10))); do
    "$check" || fail "$what: answered $CODE by $(served_by "$RID"): $(head -c 300 "$BODY")"
    by=$(served_by "$RID")
    [[ $by == "${service}"_* ]] || fail "$what: request $RID was answered by '$by', not by a $service replica"
    seen[$by]=$((${seen[$by]:-0} + 1))
    [ ${#seen[@]} -ge "$REPLICAS" ] && break
  done
  [ ${#seen[@]} -ge "$REPLICAS" ] || fail "$what: only ${!seen[*]} answered in $try requests"
  ok "$what: $(for r in $(printf '%s\n' "${!seen[@]}" | sort); do printf '%s ' "$r"; done)($try request$([ "$try" -eq 1 ] || echo s))"
}
map_replicas

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
mail_json() { inside_get "$(replica mailbox)" 8025 "/api/user/$1/messages/INBOX" | sed '1,/^\r\{0,1\}$/d'; }
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
call -H 'Content-Type: application/json' -d "$(jq -nc --arg e "$email" --arg p "$password" '{email:$e,password:$p}')" \
  "$EDGE/api/auth/login"
[ "$CODE" = 200 ] || fail "customer login answered $CODE: $(head -c 300 "$BODY")"
customer=$(jq -er .access_token "$BODY") || fail "customer login: no access token"
minted_by=$(served_by "$RID")
ok "POST /api/auth/login -> users: access token (minted by $minted_by)"
me_ok() {
  call -H "Authorization: Bearer $customer" "$EDGE/api/users/me"
  [ "$CODE" = 200 ] && jq -e --arg e "$email" '.email == $e' "$BODY" >/dev/null
}
every_replica users "GET /api/users/me with the token $minted_by minted, accepted by" me_ok

# The storefront with a cookie jar, as a browser: the sign-in form (its CSRF token is derived from the session
# cookie's seed) from one web replica, posted to another. Session cookie and CSRF token are sealed and signed with
# WEB_SESSION_KEY, the same in every replica.
for try in $(seq $((REPLICAS > 1 ? 12 : 1))); do
  : >"$JAR"
  call -b "$JAR" -c "$JAR" "$EDGE/login"
  [ "$CODE" = 200 ] || fail "GET /login answered $CODE"
  form_by=$(served_by "$RID")
  csrf=$(grep -o 'name="_csrf" value="[^"]*"' "$BODY" | head -1 | sed 's/.*value="//; s/"$//')
  [ -n "$csrf" ] || fail "no CSRF token in the sign-in form"
  call -b "$JAR" -c "$JAR" --data-urlencode "_csrf=$csrf" --data-urlencode "email=$email" \
    --data-urlencode "password=$password" "$EDGE/login"
  [ "$CODE" = 303 ] || fail "POST /login answered $CODE: $(grep -o 'class="error[^<]*' "$BODY" | head -1)"
  signin_by=$(served_by "$RID")
  if [ "$REPLICAS" -eq 1 ] || [ "$form_by" != "$signin_by" ]; then break; fi
done
[ "$REPLICAS" -eq 1 ] || [ "$form_by" != "$signin_by" ] || fail "sign-in form and sign-in never on two replicas in $try tries"
[ "$(header location)" = "$EDGE/account" ] || fail "sign-in redirected to '$(header location)', not $EDGE/account"
ok "storefront sign-in (cookie jar): form and CSRF token from $form_by, signed in by $signin_by, 303 to $(header location)"
account_page_ok() { call -b "$JAR" -c "$JAR" "$EDGE/account"; [ "$CODE" = 200 ] && grep -qF "$email" "$BODY"; }
every_replica web "GET /account shows the signed-in customer, rendered by" account_page_ok

listing=$(api GET "/api/products?inStock=true") || fail "catalog"
image=$(jq -r '[.items[].imageUrl | select(. != null)][0] // empty' <<<"$listing")
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

call -H "Authorization: Bearer $customer" -H 'Content-Type: application/json' \
  -d "$(jq -nc --arg p "$product" --arg s "$sku" '{productId:$p,sku:$s,quantity:1}')" "$EDGE/api/cart/items"
[[ $CODE == 2* ]] || fail "add to cart answered $CODE: $(head -c 300 "$BODY")"
added_by=$(served_by "$RID")
cart=$(api GET /api/cart "" -H "Authorization: Bearer $customer") || fail "cart"
ok "POST /api/cart/items (by $added_by), GET /api/cart -> orders: $(jq '.lines | length' <<<"$cart") line(s)"
# The cart lives in Redis: whichever orders replica reads it has the line.
cart_ok() {
  call -H "Authorization: Bearer $customer" "$EDGE/api/cart"
  [ "$CODE" = 200 ] && jq -e --arg s "$sku" 'any(.lines[]; .sku == $s)' "$BODY" >/dev/null
}
every_replica orders "GET /api/cart has the line $added_by added, read by" cart_ok
cart_page_ok() { call -b "$JAR" -c "$JAR" "$EDGE/cart"; [ "$CODE" = 200 ] && grep -qF "data-sku=\"$sku\"" "$BODY"; }
every_replica web "GET /cart (storefront session) shows the API's line, rendered by" cart_page_ok

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
order_number=$(jq -er '.order.number' <<<"$order") || fail "checkout answered no order number"
order_page_ok() {
  call -b "$JAR" -c "$JAR" "$EDGE/account/orders/$order_id"
  [ "$CODE" = 200 ] && grep -qF "Order No. $order_number" "$BODY"
}
every_replica web "GET /account/orders/{id} (storefront session) shows order No. $order_number, rendered by" order_page_ok

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
sales_ok() {
  call -H "Authorization: Bearer $admin" "$EDGE/api/admin/analytics/sales"
  [ "$CODE" = 200 ] && jq -e '([.currencies[]?.series[]?.orders] | add // 0) >= 1' "$BODY" >/dev/null
}
every_replica analytics "the sales report counts the paid order, answered by" sales_ok
if [ -n "$image" ]; then
  image_ok() { call "$EDGE$image"; [ "$CODE" = 200 ] && [ -s "$BODY" ]; }
  every_replica products "GET $image (the media volume the demo catalog was written to), served by" image_ok
fi

# users' login throttle counts in Redis: the account's free failures (scalecommerce.users.throttle.
# account-free-failures, 5) spread over the users replicas are that many, and the next attempt is refused while
# the account is blocked (1 s at first, doubling). An unknown address is throttled exactly like a known one.
free_failures=${LOGIN_FREE_FAILURES:-5}
for round in 1 2 3; do
  victim="throttled-$(date +%s%N)@example.com"
  ids=()
  for i in $(seq "$free_failures"); do
    call -H 'Content-Type: application/json' -d "$(jq -nc --arg e "$victim" '{email:$e,password:"not the password"}')" \
      "$EDGE/api/auth/login"
    [ "$CODE" = 401 ] || fail "failed login $i for $victim answered $CODE, not 401: $(head -c 300 "$BODY")"
    ids+=("$RID")
  done
  call -H 'Content-Type: application/json' -d "$(jq -nc --arg e "$victim" '{email:$e,password:"not the password"}')" \
    "$EDGE/api/auth/login"
  refused=$CODE refused_by=$(served_by "$RID") retry_after=$(header retry-after)
  by=$(for id in "${ids[@]}"; do served_by "$id"; done | sort | uniq -c | awk '{printf "%s x%s, ", $2, $1}')
  [ "$(grep -o 'users_[0-9]*' <<<"$by" | sort -u | wc -l)" -ge "$REPLICAS" ] && break
done
[ "$(grep -o 'users_[0-9]*' <<<"$by" | sort -u | wc -l)" -ge "$REPLICAS" ] || fail "failed logins never spread over $REPLICAS users replicas: $by"
counted=$(podman exec "$(replica redis)" redis-cli GET \
  "users:login-throttle:account:$(printf '%s' "$victim" | sha256sum | cut -d' ' -f1):failures")
[ "$counted" = "$free_failures" ] || fail "$free_failures failed logins ($by) counted $counted in Redis"
[ "$refused" = 429 ] || fail "attempt $((free_failures + 1)) for $victim answered $refused, not 429: $(head -c 300 "$BODY")"
ok "login throttle: $free_failures failures (${by%, }) are $counted in Redis; attempt $((free_failures + 1)) -> 429 by $refused_by (Retry-After ${retry_after:-?} s)"

# The edge's access log: every service's requests were answered by each of its replicas.
served=$(podman logs "$EDGE_CONTAINER" 2>/dev/null | grep -o 'upstream=[0-9.:]*\(, [0-9.:]*\)*' | sed 's/.*[= ]//' | sort | uniq -c)
for entry in "${SERVICES[@]}"; do
  name=${entry%%:*} port=${entry##*:} summary="" distinct=0
  while read -r count address; do
    [ "${address##*:}" = "$port" ] || continue
    summary+="$(who "$address") ($address) $count, " distinct=$((distinct + 1))
  done <<<"$served"
  [ "$distinct" -ge "$REPLICAS" ] || fail "edge log: $name requests went to $distinct address(es), not $REPLICAS: ${summary%, }"
  ok "edge log: $name requests answered by ${summary%, }"
done

for _ in $(seq 30); do
  mails=$(mail_json "$email" | jq 'length' 2>/dev/null || echo 0)
  [ "${mails:-0}" -ge 2 ] && break
  sleep 1
done
[ "${mails:-0}" -ge 2 ] && ok "order confirmation mail delivered ($mails mails for $email)" \
  || echo "  warn no order confirmation mail within 30 s (the order is paid; mails are asynchronous)"

# Graceful stop: SIGTERM, in-flight requests drain (quarkus.shutdown.timeout), the JVM exits well before SIGKILL.
web_container=$(replica web 1)
stop_started=$SECONDS
podman stop -t 30 "$web_container" >/dev/null
stop_code=$(podman inspect "$web_container" --format '{{.State.ExitCode}}')
[ $((SECONDS - stop_started)) -lt 30 ] || fail "web did not stop on SIGTERM within 30 s"
ok "web stopped on SIGTERM in $((SECONDS - stop_started)) s (exit $stop_code; log: $(podman logs --tail 5 "$web_container" 2>&1 | grep -o 'stopped in [0-9.]*s' | tail -1))"

if [ "$REPLICAS" -gt 1 ]; then
  # One web replica down: the edge serves every page from the others (a refused connection is tried on the next
  # replica; the entry point's watcher then drops the stopped one).
  for i in $(seq 6); do
    call "$EDGE/"
    [ "$CODE" = 200 ] || fail "GET / with $web_container stopped answered $CODE ($(served_by "$RID"))"
  done
  ok "GET / x6 with $web_container stopped: 200 each, by $(served_by "$RID")"
  # Back again: a new address on the network. The edge resolves it within seconds and balances over it again.
  podman start "$web_container" >/dev/null 2>&1
  started=$SECONDS
  await_ready "$web_container" 8080
  map_replicas
  new_address=$(podman inspect "$web_container" --format '{{range .NetworkSettings.Networks}}{{.IPAddress}}{{end}}')
  for _ in $(seq 30); do
    podman logs "$EDGE_CONTAINER" 2>&1 | grep 'nginx reloaded' | tail -1 | grep -qE "[=,]${new_address//./\\.}(,| |$)" && break
    sleep 1
  done
  home_ok() { call "$EDGE/"; [ "$CODE" = 200 ]; }
  every_replica web "$web_container restarted at $new_address, the edge reloaded; GET / answered by" home_ok
fi

say "Journey passed in $SECONDS s ($REPLICAS replica(s) of each service)"
