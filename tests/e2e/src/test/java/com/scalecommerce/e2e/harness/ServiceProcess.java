package com.scalecommerce.e2e.harness;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/**
 * One packaged service run as its own JVM, as {@code ./scalecommerce up} runs it: the same java flags, the
 * configuration in environment variables, stdout and stderr in a log file.
 */
final class ServiceProcess {

    /** The launcher's flags: small heaps so three services and the tests fit on a CI runner. */
    private static final List<String> JVM_FLAGS = List.of(
            "-XX:+UseSerialGC",
            "-Xmx256m",
            "--add-opens",
            "java.base/java.lang=ALL-UNNAMED",
            "--enable-native-access=ALL-UNNAMED");

    /** Generous for a loaded CI runner; -Dscalecommerce.e2e.ready-timeout=SECONDS changes it. */
    private static final Duration READY_TIMEOUT =
            Duration.ofSeconds(Long.getLong("scalecommerce.e2e.ready-timeout", 90));

    private static final int LOG_TAIL_LINES = 60;

    private final String name;
    private final Path jar;
    private final int port;
    private final Path log;
    private Process process;
    private Map<String, String> environment;

    ServiceProcess(String name, Path jar, int port, Path log) {
        this.name = name;
        this.jar = jar;
        this.port = port;
        this.log = log;
    }

    String name() {
        return name;
    }

    URI baseUri() {
        return URI.create("http://127.0.0.1:" + port + "/");
    }

    static void requireJar(String service, Path jar) {
        if (!Files.isRegularFile(jar)) {
            throw new IllegalStateException("The " + service + " service is not packaged (" + jar + " is missing):"
                    + " the e2e tests run the packaged services. Run ./mvnw package -DskipTests first"
                    + " (from the repository root), or run the whole reactor: ./mvnw verify.");
        }
    }

    void start(Map<String, String> environment) {
        requireJar(name, jar);
        // A restart appends to the log of the run: what happened before the kill is part of the story.
        boolean restart = this.environment != null;
        this.environment = Map.copyOf(environment);
        var command = new ArrayList<String>();
        command.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
        command.addAll(JVM_FLAGS);
        command.add("-jar");
        command.add(jar.toString());
        var builder = new ProcessBuilder(command)
                .redirectErrorStream(true)
                .redirectOutput(
                        restart
                                ? ProcessBuilder.Redirect.appendTo(log.toFile())
                                : ProcessBuilder.Redirect.to(log.toFile()))
                .redirectInput(ProcessBuilder.Redirect.from(nullDevice()));
        // Exactly the given environment: nothing from the shell that ran the build leaks into the service.
        builder.environment().clear();
        builder.environment().putAll(environment);
        try {
            Files.createDirectories(log.getParent());
            process = builder.start();
        } catch (IOException e) {
            throw new UncheckedIOException("could not start " + name, e);
        }
    }

    /**
     * Polls {@code /q/health/ready} until it answers 200. A process that exits, or is not ready in time, fails
     * the run with the end of its log: that is where the reason is (a missing setting, a port taken, a migration).
     */
    void awaitReady() {
        var client = HttpClient.newBuilder()
                .version(HttpClient.Version.HTTP_1_1)
                .connectTimeout(Duration.ofSeconds(1))
                .build();
        var probe = HttpRequest.newBuilder(baseUri().resolve("/q/health/ready"))
                .timeout(Duration.ofSeconds(2))
                .build();
        long deadline = System.nanoTime() + READY_TIMEOUT.toNanos();
        while (true) {
            if (!process.isAlive()) {
                throw new IllegalStateException(
                        name + " exited with status " + process.exitValue() + " during start-up" + logTail());
            }
            try {
                if (client.send(probe, HttpResponse.BodyHandlers.discarding()).statusCode() == 200) {
                    return;
                }
            } catch (IOException notListeningYet) {
                // Still starting: migrations run before the HTTP server opens.
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException("interrupted while waiting for " + name, e);
            }
            if (System.nanoTime() > deadline) {
                throw new IllegalStateException(
                        name + " was not ready within " + READY_TIMEOUT.toSeconds() + " s" + logTail());
            }
            sleep(Duration.ofMillis(250));
        }
    }

    /** Starts it again with the environment of its first start; {@link #awaitReady()} is the caller's. */
    void restart() {
        if (environment == null) {
            throw new IllegalStateException(name + " was never started");
        }
        if (process != null && process.isAlive()) {
            throw new IllegalStateException(name + " is still running");
        }
        start(environment);
    }

    /**
     * SIGKILL, as a crash or an OOM kill ends it: no shutdown hook, no graceful stop of its consumers, whatever
     * transaction it was in the middle of left to the database to roll back.
     */
    void kill() {
        if (process == null || !process.isAlive()) {
            return;
        }
        process.destroyForcibly(); // SIGKILL on Unix
        try {
            if (!process.waitFor(10, TimeUnit.SECONDS)) {
                throw new IllegalStateException(name + " did not die within 10 s of SIGKILL");
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while killing " + name, e);
        }
    }

    /** SIGTERM for a graceful shutdown, then SIGKILL if it takes too long. Safe to call twice. */
    void stop() {
        if (process == null || !process.isAlive()) {
            return;
        }
        process.destroy();
        try {
            if (!process.waitFor(15, TimeUnit.SECONDS)) {
                process.destroyForcibly().waitFor(5, TimeUnit.SECONDS);
            }
        } catch (InterruptedException e) {
            process.destroyForcibly();
            Thread.currentThread().interrupt();
        }
    }

    String logTail() {
        try {
            List<String> lines = Files.readAllLines(log, StandardCharsets.UTF_8);
            var tail = lines.subList(Math.max(0, lines.size() - LOG_TAIL_LINES), lines.size());
            return "; the end of " + log + ":\n  " + String.join("\n  ", tail);
        } catch (IOException e) {
            return "; its log " + log + " could not be read: " + e;
        }
    }

    private static java.io.File nullDevice() {
        return new java.io.File(System.getProperty("os.name").startsWith("Windows") ? "NUL" : "/dev/null");
    }

    private static void sleep(Duration duration) {
        try {
            Thread.sleep(duration);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}
