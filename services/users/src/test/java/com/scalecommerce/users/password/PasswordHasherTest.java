package com.scalecommerce.users.password;

import static org.assertj.core.api.Assertions.assertThat;

import com.scalecommerce.platform.web.problem.ProblemException;
import com.scalecommerce.users.UsersConfig;
import java.lang.reflect.Proxy;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.OptionalInt;
import java.util.concurrent.Callable;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;

class PasswordHasherTest {

    @Test
    void hashesWithArgon2idAndTheConfiguredParameters() {
        var hasher = hasher(2, Duration.ofSeconds(5));
        String hash = hasher.hash("a perfectly fine passphrase");

        assertThat(hash).startsWith("$argon2id$v=19$m=19456,t=2,p=1$");
        assertThat(hasher.verify(hash, "a perfectly fine passphrase")).isTrue();
        assertThat(hasher.verify(hash, "a perfectly fine passphrasE")).isFalse();
        assertThat(hasher.needsRehash(hash)).isFalse();
        assertThat(hasher.verifyAgainstNothing("anything")).isFalse();
    }

    @Test
    void answersBusyWithRetryAfterWhenEveryHashingSlotStaysTaken() throws Exception {
        var hasher = hasher(1, Duration.ofMillis(1));

        List<Object> outcomes = runConcurrently(6, () -> hasher.hash("a perfectly fine passphrase"));

        var busy = outcomes.stream()
                .filter(ProblemException.class::isInstance)
                .map(ProblemException.class::cast)
                .toList();
        assertThat(busy).isNotEmpty().allSatisfy(problem -> {
            assertThat(problem.status()).isEqualTo(503);
            assertThat(problem.headers()).containsKey("Retry-After");
        });
        assertThat(outcomes).hasAtLeastOneElementOfType(String.class);
    }

    @Test
    void queuesBrieflyRatherThanFailingWhenASlotFreesUpInTime() throws Exception {
        var hasher = hasher(1, Duration.ofSeconds(30));

        List<Object> outcomes = runConcurrently(4, () -> hasher.hash("a perfectly fine passphrase"));

        assertThat(outcomes).allMatch(String.class::isInstance);
    }

    private static List<Object> runConcurrently(int callers, Callable<String> work) throws Exception {
        try (var pool = Executors.newFixedThreadPool(callers)) {
            List<Future<String>> futures =
                    IntStream.range(0, callers).mapToObj(i -> pool.submit(work)).toList();
            return futures.stream()
                    .map(f -> {
                        try {
                            return (Object) f.get();
                        } catch (Exception e) {
                            return e.getCause();
                        }
                    })
                    .toList();
        }
    }

    private static PasswordHasher hasher(int slots, Duration queueTimeout) {
        UsersConfig.Passwords passwords = stub(
                UsersConfig.Passwords.class,
                Map.of(
                        "memoryKib", 19456,
                        "iterations", 2,
                        "parallelism", 1,
                        "maxConcurrentHashes", OptionalInt.of(slots),
                        "hashingQueueTimeout", queueTimeout));
        return new PasswordHasher(stub(UsersConfig.class, Map.of("passwords", passwords)));
    }

    @SuppressWarnings("unchecked")
    private static <T> T stub(Class<T> type, Map<String, Object> values) {
        return (T) Proxy.newProxyInstance(type.getClassLoader(), new Class<?>[] {type}, (proxy, method, args) -> {
            if (!values.containsKey(method.getName())) {
                throw new UnsupportedOperationException(method.getName());
            }
            return values.get(method.getName());
        });
    }
}
