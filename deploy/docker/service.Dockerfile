# One image recipe for every ScaleCommerce service (users, products, orders, analytics, web).
#
# The build context is the service's Quarkus fast-jar directory, built beforehand by Maven
# (./mvnw package -DskipTests): the image holds no build tools, no sources and no Maven cache.
#
#   podman build -f deploy/docker/service.Dockerfile \
#     --build-arg SERVICE=users --build-arg PORT=8081 --build-arg VERSION=$(git describe --always) \
#     -t scalecommerce/users:$(git rev-parse --short HEAD) services/users/target/quarkus-app
#
# deploy/compose/build-images.sh builds all five this way.
#
# What the image guarantees:
# - JRE only (eclipse-temurin:25-jre; here built locally by shared/tools/container-env.sh), no shell tools added.
# - Runs as UID 10001, GID 0 (numeric, so Kubernetes can check runAsNonRoot); the code is root-owned, read-only to it.
# - The heap follows the container's memory limit (MaxRAMPercentage), and the JVM exits on OutOfMemoryError so
#   the orchestrator restarts it instead of it limping on.
# - java is PID 1 (exec-form ENTRYPOINT): SIGTERM reaches Quarkus, which fails readiness, lets in-flight requests
#   finish for quarkus.shutdown.timeout and exits. The stop grace period must be longer than that.
# - Writes only to /tmp (Vert.x file cache, upload buffers) and, for products, the media directory: both are
#   volumes where the root filesystem is read-only.
ARG BASE_IMAGE=docker.io/library/eclipse-temurin:25-jre
FROM ${BASE_IMAGE}

ARG BASE_IMAGE
ARG SERVICE
ARG PORT=8080
ARG VERSION=0.1.0-SNAPSHOT
ARG REVISION=unknown
ARG CREATED=unknown
ARG SOURCE=https://github.com/scalecommerce/scalecommerce

LABEL org.opencontainers.image.title="scalecommerce-${SERVICE}" \
      org.opencontainers.image.description="ScaleCommerce ${SERVICE} service (Quarkus, JVM)" \
      org.opencontainers.image.version="${VERSION}" \
      org.opencontainers.image.revision="${REVISION}" \
      org.opencontainers.image.created="${CREATED}" \
      org.opencontainers.image.source="${SOURCE}" \
      org.opencontainers.image.vendor="ScaleCommerce" \
      org.opencontainers.image.licenses="Proprietary" \
      org.opencontainers.image.base.name="${BASE_IMAGE}" \
      com.scalecommerce.service="${SERVICE}"

# JVM settings, overridable as a whole with -e JDK_JAVA_OPTIONS=... (read by the java launcher, JDK 9+).
#   MaxRAMPercentage=70: heap 70% of the container limit; the rest is metaspace, code cache, thread stacks,
#   Netty direct buffers. InitialRAMPercentage keeps a small footprint until load arrives.
#   The two opens/accesses are what the launcher gives the services too (Netty/Vert.x on JDK 25).
ENV LANG=C.UTF-8 \
    TZ=UTC \
    JDK_JAVA_OPTIONS="-XX:MaxRAMPercentage=70 -XX:InitialRAMPercentage=20 -XX:+ExitOnOutOfMemoryError --add-opens=java.base/java.lang=ALL-UNNAMED --enable-native-access=ALL-UNNAMED" \
    QUARKUS_HTTP_PORT=${PORT} \
    QUARKUS_HTTP_HOST=0.0.0.0 \
    QUARKUS_SHUTDOWN_TIMEOUT=20s

# The one writable place the services keep data in (products' media directory when it is not object storage),
# owned by the runtime user so a fresh named volume mounted there inherits that owner.
RUN mkdir -p /var/lib/scalecommerce/media && chown -R 10001:0 /var/lib/scalecommerce && chmod -R g=u /var/lib/scalecommerce

WORKDIR /deployments
# Fast-jar layers, least often changed first: dependencies, then Quarkus' generated code, then the application.
# Owned by root and only readable by the runtime user: the process cannot change its own code.
COPY lib/ /deployments/lib/
COPY quarkus-run.jar /deployments/quarkus-run.jar
COPY quarkus/ /deployments/quarkus/
COPY app/ /deployments/app/

USER 10001:0
EXPOSE ${PORT}
STOPSIGNAL SIGTERM
ENTRYPOINT ["java", "-Djava.util.logging.manager=org.jboss.logmanager.LogManager", "-jar", "/deployments/quarkus-run.jar"]
