package com.scalecommerce.web.catalog;

import com.scalecommerce.platform.web.problem.ProblemException;
import com.scalecommerce.web.catalog.CatalogModels.CategoryTree;
import com.scalecommerce.web.catalog.CatalogModels.HomePage;
import com.scalecommerce.web.catalog.CatalogModels.ListingPage;
import com.scalecommerce.web.catalog.CatalogModels.ProductDetail;
import com.scalecommerce.web.catalog.CatalogModels.ReviewPage;
import com.scalecommerce.web.catalog.CatalogModels.Suggested;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.ws.rs.WebApplicationException;
import jakarta.ws.rs.core.MultivaluedHashMap;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.SortedMap;
import java.util.UUID;
import java.util.function.Supplier;
import org.eclipse.microprofile.faulttolerance.CircuitBreaker;
import org.eclipse.microprofile.faulttolerance.Retry;
import org.eclipse.microprofile.faulttolerance.Timeout;
import org.eclipse.microprofile.faulttolerance.exceptions.CircuitBreakerOpenException;
import org.eclipse.microprofile.rest.client.inject.RestClient;

/**
 * The fault-tolerance policy around every catalog read. All reads are GETs, safe to repeat. A 4xx is products'
 * answer about the request (unknown slug, bad filter), not a failure of products: it neither retries nor counts
 * against the breaker. Every read gets 1.2 s and a breaker of its own (on the class); reads other than search add
 * one retry. Reviews and suggestions get a shorter timeout, a breaker without that 4xx exception and no retry,
 * because the pages render without them.
 */
@ApplicationScoped
@Timeout(value = 1200, unit = ChronoUnit.MILLIS)
@CircuitBreaker(
        requestVolumeThreshold = 10,
        failureRatio = 0.5,
        delay = 5000,
        successThreshold = 2,
        skipOn = ProblemException.class)
class ProductsCalls {

    private final ProductsApi products;

    ProductsCalls(@RestClient ProductsApi products) {
        this.products = products;
    }

    @Retry(
            maxRetries = 1,
            delay = 50,
            jitter = 25,
            abortOn = {CircuitBreakerOpenException.class, ProblemException.class})
    HomePage home() {
        return answered(products::home);
    }

    @Retry(
            maxRetries = 1,
            delay = 50,
            jitter = 25,
            abortOn = {CircuitBreakerOpenException.class, ProblemException.class})
    CategoryTree categories() {
        return answered(products::categories);
    }

    @Retry(
            maxRetries = 1,
            delay = 50,
            jitter = 25,
            abortOn = {CircuitBreakerOpenException.class, ProblemException.class})
    ListingPage products(SortedMap<String, List<String>> filters) {
        var query = new MultivaluedHashMap<String, String>();
        filters.forEach(query::put);
        return answered(() -> products.products(query));
    }

    // No retry: products counts every search it answers, so a retried one could be counted twice.
    ListingPage search(SortedMap<String, List<String>> filters, String sessionId) {
        var query = new MultivaluedHashMap<String, String>();
        filters.forEach(query::put);
        return answered(() -> products.search(query, sessionId));
    }

    @Retry(
            maxRetries = 1,
            delay = 50,
            jitter = 25,
            abortOn = {CircuitBreakerOpenException.class, ProblemException.class})
    ProductDetail product(String slug) {
        return answered(() -> products.product(slug));
    }

    // Reviews and suggestions are extras: a short timeout and no retry, so a slow reviews query costs the product
    // page at most this long before it renders without them. Reviews are shared by every shopper of a product and
    // change rarely: cached for seconds like the product itself (a failure throws, and is not cached).
    @io.quarkus.cache.CacheResult(cacheName = "reviews")
    @Timeout(value = 600, unit = ChronoUnit.MILLIS)
    @CircuitBreaker(requestVolumeThreshold = 10, failureRatio = 0.5, delay = 5000, successThreshold = 2)
    ReviewPage reviews(UUID productId, int limit) {
        return products.reviews(productId, limit);
    }

    @Timeout(value = 600, unit = ChronoUnit.MILLIS)
    @CircuitBreaker(requestVolumeThreshold = 10, failureRatio = 0.5, delay = 5000, successThreshold = 2)
    Suggested suggest(String q, int limit) {
        return products.suggest(q, limit);
    }

    private static <T> T answered(Supplier<T> call) {
        try {
            return call.get();
        } catch (WebApplicationException e) {
            int status = e.getResponse().getStatus();
            if (status == 404) {
                throw ProblemException.notFound("NOT_FOUND", "We could not find that page.");
            }
            if (status >= 400 && status < 500) {
                throw ProblemException.badRequest("INVALID_FILTER", "That search, filter or sort is not valid.");
            }
            throw e;
        }
    }
}
