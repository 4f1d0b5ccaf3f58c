# Redis for the Compose stack and the Kubernetes "local" overlay, from Debian's redis-server package (no registry
# here). Append-only file on: the event streams (outbox relay -> consumers) survive a restart.
ARG BASE_IMAGE=docker.io/library/eclipse-temurin:25-jre
FROM ${BASE_IMAGE}
LABEL org.opencontainers.image.title="scalecommerce-redis" \
      org.opencontainers.image.description="Redis (Debian package) for local ScaleCommerce stacks"
# A fixed UID/GID (999, as the official images use) so Kubernetes' runAsUser can name it; created before the
# package, whose scripts then reuse it.
RUN groupadd -r -g 999 redis && useradd -r -u 999 -g 999 -d /var/lib/redis -s /bin/bash redis \
 && apt-get update -qq \
 && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq --no-install-recommends redis-server >/dev/null \
 && rm -rf /var/lib/apt/lists/* /var/cache/apt/archives/*.deb \
 && mkdir -p /data && chown redis:redis /data
USER 999:999
WORKDIR /data
EXPOSE 6379
ENTRYPOINT ["redis-server", "--bind", "0.0.0.0", "-::*", "--protected-mode", "no", "--dir", "/data", "--appendonly", "yes", "--appendfsync", "everysec", "--save", ""]
