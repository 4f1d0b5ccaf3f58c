package com.scalecommerce.web.admin;

import com.scalecommerce.web.http.Refused;
import java.time.temporal.ChronoUnit;
import org.eclipse.microprofile.faulttolerance.CircuitBreaker;
import org.eclipse.microprofile.faulttolerance.Timeout;

/**
 * The policy around every admin change in another service (a create, an update, a delete, an order's move),
 * stated once: each {@code *Changes} bean extends this class, inheriting these annotations as {@link AdminReads}
 * explains, with a breaker per method. 10 s, as a change validates, writes and may re-index, and the admin waits
 * for its answer; and never a retry: a create repeated after its answer was lost makes a second product, a
 * repeated receipt counts a delivery twice, a repeated refund pays twice. The admin sees the outcome and can submit
 * again. A {@link Refused} is the service's answer about the request: not counted by the breaker.
 */
@Timeout(value = 10, unit = ChronoUnit.SECONDS)
@CircuitBreaker(requestVolumeThreshold = 10, failureRatio = 0.5, delay = 5000, skipOn = Refused.class)
public abstract class AdminChanges {}
