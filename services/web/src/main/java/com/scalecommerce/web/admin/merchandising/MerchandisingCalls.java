package com.scalecommerce.web.admin.merchandising;

import com.scalecommerce.web.admin.merchandising.MerchandisingApi.Banner;
import com.scalecommerce.web.admin.merchandising.MerchandisingApi.BannerInput;
import com.scalecommerce.web.admin.merchandising.MerchandisingApi.BannerPage;
import com.scalecommerce.web.admin.merchandising.MerchandisingApi.Featured;
import com.scalecommerce.web.http.Refused;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.temporal.ChronoUnit;
import java.util.UUID;
import org.eclipse.microprofile.faulttolerance.CircuitBreaker;
import org.eclipse.microprofile.faulttolerance.Retry;
import org.eclipse.microprofile.faulttolerance.Timeout;
import org.eclipse.microprofile.faulttolerance.exceptions.CircuitBreakerOpenException;
import org.eclipse.microprofile.rest.client.inject.RestClient;

/**
 * The policy around products' merchandising API. Every call: 10 s and a breaker of its own (on the class); reads
 * override that with 4 s and retry once, changes never retry (a create is not idempotent).
 */
@ApplicationScoped
@Timeout(value = 10, unit = ChronoUnit.SECONDS)
@CircuitBreaker(requestVolumeThreshold = 10, failureRatio = 0.5, delay = 5000, skipOn = Refused.class)
public class MerchandisingCalls {

    private final MerchandisingApi merchandising;

    MerchandisingCalls(@RestClient MerchandisingApi merchandising) {
        this.merchandising = merchandising;
    }

    @Timeout(value = 4, unit = ChronoUnit.SECONDS)
    @Retry(
            maxRetries = 1,
            delay = 50,
            abortOn = {Refused.class, CircuitBreakerOpenException.class})
    public Featured featured(String bearer) {
        return merchandising.featured(bearer);
    }

    @Timeout(value = 4, unit = ChronoUnit.SECONDS)
    @Retry(
            maxRetries = 1,
            delay = 50,
            abortOn = {Refused.class, CircuitBreakerOpenException.class})
    public BannerPage banners(String bearer, String cursor, Integer limit) {
        return merchandising.banners(bearer, cursor, limit);
    }

    @Timeout(value = 4, unit = ChronoUnit.SECONDS)
    @Retry(
            maxRetries = 1,
            delay = 50,
            abortOn = {Refused.class, CircuitBreakerOpenException.class})
    public Banner banner(String bearer, UUID id) {
        return merchandising.banner(bearer, id);
    }

    public Featured replaceFeatured(String bearer, Featured featured) {
        return merchandising.replaceFeatured(bearer, featured);
    }

    public Banner createBanner(String bearer, BannerInput banner) {
        return merchandising.createBanner(bearer, banner);
    }

    public Banner replaceBanner(String bearer, UUID id, BannerInput banner) {
        return merchandising.replaceBanner(bearer, id, banner);
    }

    public void deleteBanner(String bearer, UUID id) {
        merchandising.deleteBanner(bearer, id);
    }
}
