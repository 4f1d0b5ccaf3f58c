package com.scalecommerce.web.admin;

import com.scalecommerce.web.http.Refused;
import java.time.temporal.ChronoUnit;
import org.eclipse.microprofile.faulttolerance.CircuitBreaker;
import org.eclipse.microprofile.faulttolerance.Retry;
import org.eclipse.microprofile.faulttolerance.Timeout;
import org.eclipse.microprofile.faulttolerance.exceptions.CircuitBreakerOpenException;

/**
 * The policy around every admin read from another service, stated once: each {@code *Reads} bean extends this
 * class. A read is a GET, safe to repeat: 4 s, then one retry after 50 ms (plus MicroProfile's default jitter) for
 * a dropped connection or a service restarting behind its gateway, but none after a {@link Refused} (the service's
 * 4xx answer about the request) or from an open breaker. A circuit breaker counts the failures, not a Refused. A
 * subclass states only where it differs, on itself or on a method (users' and orders' reads have 2 s, analytics'
 * reports and the low-stock list 1.5 s).
 *
 * <p>How it applies: these annotations are {@code @Inherited} interceptor bindings, so a subclass bean inherits
 * them as class-level annotations (CDI's rule for inherited type-level metadata; Quarkus' fault-tolerance scanner
 * looks up the superclasses for class-level annotations), and one the subclass declares itself replaces the
 * inherited one of the same type. As for any class-level {@code @CircuitBreaker}, each method of each subclass
 * gets a breaker of its own: a failing ledger query does not stop the stock list, and a down analytics does not
 * stop the inventory. That is kept on purpose. SmallRye's {@code @ApplyGuard} would state the policy once too, but
 * one {@code Guard} has one breaker for every method it guards, and wherever {@code @ApplyGuard} applies, every
 * other fault-tolerance annotation of the method and its class is ignored; MicroProfile config can only override
 * the annotations a method already has (and its global keys would reach the storefront's retries); a CDI
 * stereotype cannot carry these annotations in SmallRye Fault Tolerance 6.9.
 *
 * @see AdminChanges
 */
@Timeout(value = 4, unit = ChronoUnit.SECONDS)
@Retry(
        maxRetries = 1,
        delay = 50,
        abortOn = {Refused.class, CircuitBreakerOpenException.class})
@CircuitBreaker(requestVolumeThreshold = 10, failureRatio = 0.5, delay = 5000, skipOn = Refused.class)
public abstract class AdminReads {}
