#!/bin/bash
# The edge's entry point: nginx, plus a watcher that keeps its upstreams in step with the stack.
#
# nginx resolves each upstream's name (users, products, ...) when it loads its configuration: every replica's
# address at that moment, and never again. A replica that starts later, or restarts (a container comes back with
# a new address), would get no traffic, and the old address would still be tried (2 s connect timeout, then the
# next replica; with one replica, 502s). So every few seconds this resolves the names again and, when the set of
# addresses changed, reloads nginx: a graceful reload, in-flight requests finish on the old workers.
set -u
names=${EDGE_UPSTREAM_NAMES:-users products orders analytics web}
interval=${EDGE_RESOLVE_INTERVAL:-5}

addresses() {
  local name
  for name in $names; do
    printf '%s=%s\n' "$name" "$(getent ahostsv4 "$name" | awk '{print $1}' | sort -u | paste -sd, -)"
  done
}

watch() {
  local last=$1 now
  while sleep "$interval"; do
    now=$(addresses)
    [ "$now" = "$last" ] && continue
    # A name without any address (every replica of a service stopped) would fail the reload: keep what runs.
    grep -q '=$' <<<"$now" && continue
    if nginx -s reload 2>/dev/null; then
      echo "edge: upstream addresses changed, nginx reloaded: $(paste -sd' ' <<<"$now")" >&2
      last=$now
    fi
  done
}

watch "$(addresses)" &
exec nginx -g 'daemon off;'
