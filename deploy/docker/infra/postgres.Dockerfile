# PostgreSQL for the Compose stack and the Kubernetes "local" overlay. No registry is reachable here, so this is
# built FROM the locally built Debian base with Debian's own postgresql package; anywhere a registry is
# reachable, the official postgres image (or a managed PostgreSQL / CloudNativePG in production) replaces it:
# the services only need DB_HOST/DB_PORT/DB_USER/DB_PASSWORD and one database per service.
ARG BASE_IMAGE=docker.io/library/eclipse-temurin:25-jre
FROM ${BASE_IMAGE}
LABEL org.opencontainers.image.title="scalecommerce-postgres" \
      org.opencontainers.image.description="PostgreSQL (Debian package) for local ScaleCommerce stacks"
# A fixed UID/GID (999, as the official images use) so Kubernetes' runAsUser can name it; created before the
# package, whose scripts then reuse it.
RUN groupadd -r -g 999 postgres && useradd -r -u 999 -g 999 -d /var/lib/postgresql -s /bin/bash postgres \
 && apt-get update -qq \
 && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq --no-install-recommends postgresql >/dev/null \
 && rm -rf /var/lib/apt/lists/* /var/cache/apt/archives/*.deb /var/lib/postgresql/* /etc/postgresql/*/main \
 && ln -s /usr/lib/postgresql/*/bin /usr/lib/postgresql/bin \
 && mkdir -p /var/lib/postgresql/data /var/run/postgresql \
 && chown -R postgres:postgres /var/lib/postgresql /var/run/postgresql
COPY postgres-entrypoint.sh /usr/local/bin/postgres-entrypoint.sh
ENV PATH=/usr/lib/postgresql/bin:$PATH \
    PGDATA=/var/lib/postgresql/data/pgdata
USER 999:999
EXPOSE 5432
STOPSIGNAL SIGINT
ENTRYPOINT ["/usr/local/bin/postgres-entrypoint.sh"]
