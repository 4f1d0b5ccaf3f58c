#!/usr/bin/env bash
# Builds every image of the stack with podman (or docker: CONTAINER_TOOL=docker), tagged TAG (default "local"):
#   localhost/scalecommerce/{users,products,orders,analytics,web}   one generic Dockerfile, a build arg per service
#   localhost/scalecommerce/{postgres,redis,mailbox,edge}            the local infrastructure
# The services' fast-jars must exist: pass --maven to build them first (./mvnw package -DskipTests), else the
# script stops naming the missing ones. Base images: eclipse-temurin:25-jre, built locally by
# shared/tools/container-env.sh where no registry is reachable.
set -euo pipefail
ROOT=$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)
cd "$ROOT"
TAG=${TAG:-local}
TOOL=${CONTAINER_TOOL:-podman}
REGISTRY=${REGISTRY:-localhost/scalecommerce}
SERVICES=("users:8081" "products:8082" "orders:8083" "analytics:8084" "web:8080")
say() { printf '\033[1m%s\033[0m\n' "$*"; }

if [ "${1:-}" = "--maven" ]; then
  say "Building the services' jars (Maven, tests skipped)"
  export JAVA_HOME=${JAVA_HOME:-$(ls -d /usr/lib/jvm/temurin-25-jdk-* 2>/dev/null | head -1)}
  ./mvnw -B -q package -DskipTests -Dspotless.check.skip=true \
    -pl services/users,services/products,services/orders,services/analytics,services/web,tools/mailbox -am
fi

missing=()
for entry in "${SERVICES[@]}"; do
  [ -f "services/${entry%%:*}/target/quarkus-app/quarkus-run.jar" ] || missing+=("services/${entry%%:*}")
done
[ -f tools/mailbox/target/greenmail-standalone.jar ] || missing+=(tools/mailbox)
((${#missing[@]} == 0)) || { echo "build-images: not built yet: ${missing[*]} (run with --maven)" >&2; exit 1; }

revision=$(git rev-parse --short HEAD 2>/dev/null || echo unknown)
version=$(git describe --always --dirty 2>/dev/null || echo dev)
created=$(date -u +%Y-%m-%dT%H:%M:%SZ)
build() { # name, dockerfile, context, extra args...
  local name=$1 file=$2 context=$3; shift 3
  local started=$SECONDS
  "$TOOL" build -q -f "$file" -t "$REGISTRY/$name:$TAG" \
    --label org.opencontainers.image.revision="$revision" --label org.opencontainers.image.created="$created" \
    "$@" "$context" >/dev/null
  printf '  - %-10s %s:%s (%ss)\n' "$name" "$REGISTRY/$name" "$TAG" $((SECONDS - started))
}

say "Building images ($TOOL, tag $TAG)"
for entry in "${SERVICES[@]}"; do
  name=${entry%%:*} port=${entry##*:}
  build "$name" deploy/docker/service.Dockerfile "services/$name/target/quarkus-app" \
    --build-arg SERVICE="$name" --build-arg PORT="$port" \
    --build-arg VERSION="$version" --build-arg REVISION="$revision" --build-arg CREATED="$created"
done
build postgres deploy/docker/infra/postgres.Dockerfile deploy/docker/infra
build redis deploy/docker/infra/redis.Dockerfile deploy/docker/infra
build mailbox deploy/docker/infra/mailbox.Dockerfile tools/mailbox/target
build edge deploy/compose/edge/Dockerfile deploy/compose/edge
