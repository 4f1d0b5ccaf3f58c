package com.scalecommerce.users.password;

import com.scalecommerce.platform.web.problem.ProblemException;
import com.scalecommerce.users.UsersConfig;
import de.mkammerer.argon2.Argon2;
import de.mkammerer.argon2.Argon2Factory;
import jakarta.annotation.PreDestroy;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import java.util.function.Supplier;

/**
 * argon2id hashing. Each hash holds {@code memory-kib} of RAM for its duration, so the number computed at
 * once is bounded: a login storm queues briefly and is then answered 503 instead of exhausting memory.
 *
 * <p>The hashes run on platform threads of their own, never on the caller's virtual thread. A hash is tens of
 * milliseconds of native CPU work, which pins the virtual thread to its carrier; with as many carriers as cores,
 * a few sign-ins at once held every carrier, and every other request of the service (a sign-out, a profile read)
 * waited for a hash to finish: in the sign-in-each browse journey those took 150 to 230 ms at the median. Waiting
 * on a future instead unmounts the virtual thread, and the operating system shares the cores between the hashing
 * threads and the carriers.
 */
@ApplicationScoped
public class PasswordHasher {

    private final Argon2 argon2 = Argon2Factory.create(Argon2Factory.Argon2Types.ARGON2id);
    private final UsersConfig.Passwords params;
    private final Semaphore slots;
    private final ExecutorService hashing;
    private final String dummyHash;

    PasswordHasher(UsersConfig config) {
        this.params = config.passwords();
        int permits =
                params.maxConcurrentHashes().orElse(2 * Runtime.getRuntime().availableProcessors());
        this.slots = new Semaphore(permits, true);
        // One hashing thread per core at most: more only share the cores and the memory caches (each hash walks
        // memory-kib of RAM), which made each hash slower; the rest of the permits wait in the queue.
        this.hashing = Executors.newFixedThreadPool(
                Math.min(permits, Runtime.getRuntime().availableProcessors()),
                Thread.ofPlatform().name("argon2-", 1).daemon().factory());
        // Verified instead of a real hash for unknown emails, so they cost the same time as known ones.
        this.dummyHash = computeHash("not a real password, only spends the same time".toCharArray());
    }

    // The application bean is made again on each dev-mode reload: its threads must not outlive it.
    @PreDestroy
    void stopHashing() {
        hashing.shutdown();
    }

    public String hash(String password) {
        return withSlot(() -> computeHash(password.toCharArray()));
    }

    public boolean verify(String hash, String password) {
        return withSlot(() -> argon2.verify(hash, password.toCharArray()));
    }

    /** Spends the time of a real verification and always fails: used when there is no account. */
    public boolean verifyAgainstNothing(String password) {
        verify(dummyHash, password);
        return false;
    }

    /** Spends the time of hashing a new password without storing anything. */
    public void hashForNothing(String password) {
        hash(password);
    }

    public boolean needsRehash(String hash) {
        return argon2.needsRehash(hash, params.iterations(), params.memoryKib(), params.parallelism());
    }

    private String computeHash(char[] password) {
        try {
            return argon2.hash(params.iterations(), params.memoryKib(), params.parallelism(), password);
        } finally {
            argon2.wipeArray(password);
        }
    }

    private <T> T withSlot(Supplier<T> work) {
        boolean acquired;
        try {
            acquired = slots.tryAcquire(params.hashingQueueTimeout().toMillis(), TimeUnit.MILLISECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            acquired = false;
        }
        if (!acquired) {
            throw ProblemException.unavailable("BUSY", "Too many sign-ins at once. Try again shortly.", 1);
        }
        try {
            return hashing.submit(work::get).get();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw ProblemException.unavailable("BUSY", "Too many sign-ins at once. Try again shortly.", 1);
        } catch (ExecutionException e) {
            if (e.getCause() instanceof RuntimeException unchecked) {
                throw unchecked;
            }
            throw new IllegalStateException("password hashing failed", e.getCause());
        } finally {
            slots.release();
        }
    }
}
