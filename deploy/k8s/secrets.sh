#!/usr/bin/env bash
# Writes the secret files an overlay's secretGenerators read, with fresh random values, into
# deploy/k8s/overlays/<overlay>/secrets/ (gitignored; existing files are kept, so values stay stable).
#   deploy/k8s/secrets.sh local     also a self-signed TLS certificate for scalecommerce.localtest.me
#   deploy/k8s/secrets.sh prod      per-service database roles (CloudNativePG reads the same passwords), Redis
#                                   password; the TLS certificate comes from cert-manager
# CI's deploy job writes the same files from its secret store instead (.github/workflows/ci.yml); a cluster with
# External Secrets Operator can replace the generators altogether (docs/deploy.md).
set -euo pipefail
overlay=${1:?usage: secrets.sh local|prod}
here=$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)
case $overlay in local | prod) ;; *) echo "unknown overlay $overlay" >&2; exit 2 ;; esac
random_secret() { head -c 32 /dev/urandom | base64 | tr -d '\n/+=' | head -c 40; }
random_key() { head -c 32 /dev/urandom | base64 | tr -d '\n'; }
umask 077
write() { # path, content
  if [ -s "$1" ]; then return; fi
  mkdir -p "$(dirname "$1")"
  printf '%s\n' "$2" >"$1"
  echo "secrets: wrote ${1#"$here"/}"
}
value() { # file, key: a value already written (so two files can share one secret)
  [ -f "$1" ] || return 0
  sed -n "s/^$2=//p" "$1" | head -1
}

dir="$here/overlays/$overlay/secrets"
if [ "$overlay" = prod ]; then dir="$here/overlays/prod/app/secrets"; fi
mkdir -p "$dir"
orders_client=$(value "$dir/orders.env" ORDERS_CLIENT_SECRET); orders_client=${orders_client:-$(random_secret)}

if [ "$overlay" = local ]; then
  pg=$(value "$dir/postgres.env" POSTGRES_PASSWORD); pg=${pg:-$(random_secret)}
  write "$dir/postgres.env" "POSTGRES_PASSWORD=$pg"
  users_db="DB_USER=postgres
DB_PASSWORD=$pg"
  write "$dir/users.env" "$users_db
SCALECOMMERCE_USERS_SIGNING_KEYS_ENCRYPTION_KEY=$(random_key)
SCALECOMMERCE_USERS_BOOTSTRAP_ADMIN_PASSWORD=$(random_secret)
ORDERS_CLIENT_SECRET=$orders_client"
  write "$dir/products.env" "$users_db"
  write "$dir/orders.env" "$users_db
ORDERS_CLIENT_SECRET=$orders_client"
  write "$dir/analytics.env" "$users_db"
  write "$dir/web.env" "WEB_SESSION_KEY=$(random_key)"
  if [ ! -s "$dir/tls.crt" ]; then
    openssl req -x509 -newkey rsa:2048 -nodes -days 365 -subj "/CN=scalecommerce.localtest.me" \
      -addext "subjectAltName=DNS:scalecommerce.localtest.me" \
      -keyout "$dir/tls.key" -out "$dir/tls.crt" 2>/dev/null
    echo "secrets: wrote overlays/local/secrets/tls.{crt,key} (self-signed)"
  fi
else
  data="$here/overlays/prod/stores/secrets"
  mkdir -p "$data"
  redis=$(value "$data/redis.env" password); redis=${redis:-$(random_secret)}
  write "$data/redis.env" "password=$redis"
  for svc in users products orders analytics; do
    pw=$(value "$data/$svc-db.env" password); pw=${pw:-$(random_secret)}
    write "$data/$svc-db.env" "username=$svc
password=$pw"
    common="DB_USER=$svc
DB_PASSWORD=$pw
QUARKUS_REDIS_PASSWORD=$redis"
    case $svc in
      users) write "$dir/users.env" "$common
SCALECOMMERCE_USERS_SIGNING_KEYS_ENCRYPTION_KEY=$(random_key)
SCALECOMMERCE_USERS_BOOTSTRAP_ADMIN_PASSWORD=$(random_secret)
ORDERS_CLIENT_SECRET=$orders_client" ;;
      orders) write "$dir/orders.env" "$common
ORDERS_CLIENT_SECRET=$orders_client
STRIPE_API_KEY=
STRIPE_WEBHOOK_SECRET=" ;;
      *) write "$dir/$svc.env" "$common" ;;
    esac
  done
  write "$dir/web.env" "WEB_SESSION_KEY=$(random_key)
QUARKUS_REDIS_PASSWORD=$redis"
fi
