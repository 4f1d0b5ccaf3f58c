# The local SMTP inbox (GreenMail standalone, the same jar the launcher runs: tools/mailbox). Services send over
# SMTP :3025; people and the compose journey read the inbox over its REST API :8025. Build context:
# tools/mailbox/target (./mvnw -pl tools/mailbox package).
ARG BASE_IMAGE=docker.io/library/eclipse-temurin:25-jre
FROM ${BASE_IMAGE}
LABEL org.opencontainers.image.title="scalecommerce-mailbox" \
      org.opencontainers.image.description="GreenMail SMTP/IMAP inbox with a REST API, for local ScaleCommerce stacks"
COPY greenmail-standalone.jar /opt/mailbox/greenmail-standalone.jar
USER 10001:0
EXPOSE 3025 3143 8025
ENTRYPOINT ["java", "-XX:MaxRAMPercentage=60", "-Dgreenmail.setup.test.smtp", "-Dgreenmail.setup.test.imap", \
            "-Dgreenmail.hostname=0.0.0.0", "-Dgreenmail.auth.disabled", "-Dgreenmail.api.hostname=0.0.0.0", \
            "-Dgreenmail.api.port=8025", "-jar", "/opt/mailbox/greenmail-standalone.jar"]
