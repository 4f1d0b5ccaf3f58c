package com.scalecommerce.web.storefront;

import com.scalecommerce.platform.web.problem.ProblemException;
import com.scalecommerce.web.WebConfig;
import com.scalecommerce.web.catalog.Catalog;
import com.scalecommerce.web.http.Refused;
import com.scalecommerce.web.session.Viewer;
import com.scalecommerce.web.storefront.ReviewsApi.NewReview;
import io.quarkus.cache.Cache;
import io.quarkus.cache.CacheName;
import io.smallrye.common.annotation.RunOnVirtualThread;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.FormParam;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.net.URI;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import org.eclipse.microprofile.rest.client.inject.RestClient;
import org.jboss.logging.Logger;

/**
 * The product page's "Write a review" form. Customers only (products checks the role again); a guest is sent to sign
 * in and back. The outcome (thanks, or products' reason: already reviewed, too long...) is shown once on the product
 * page. Posting is not retried (a lost answer followed by a retry would meet "already reviewed"); the products
 * client's socket timeouts bound the wait.
 */
@Path("/p/{slug}/reviews")
@RunOnVirtualThread
public class ReviewFormResource {

    private static final Logger LOG = Logger.getLogger(ReviewFormResource.class);
    private static final int MAX_TITLE = 200;
    private static final int MAX_TEXT = 5000;

    private final ReviewsApi reviews;
    private final Catalog catalog;
    private final Viewer viewer;
    private final WebConfig config;
    private final Cache reviewsCache;

    ReviewFormResource(
            @RestClient ReviewsApi reviews,
            Catalog catalog,
            Viewer viewer,
            WebConfig config,
            @CacheName("reviews") Cache reviewsCache) {
        this.reviews = reviews;
        this.catalog = catalog;
        this.viewer = viewer;
        this.config = config;
        this.reviewsCache = reviewsCache;
    }

    @POST
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    public Response post(
            @PathParam("slug") String slug,
            @FormParam("_csrf") String csrf,
            @FormParam("rating") String rating,
            @FormParam("title") String title,
            @FormParam("text") String text,
            @FormParam("authorName") String authorName) {
        viewer.requireCsrf(csrf);
        URI back = URI.create("/p/" + URLEncoder.encode(slug, StandardCharsets.UTF_8) + "#reviews");
        String bearer = viewer.bearer();
        if (bearer == null) {
            return Response.seeOther(
                            URI.create("/login?next=" + URLEncoder.encode("/p/" + slug, StandardCharsets.UTF_8)))
                    .build();
        }
        Integer stars = stars(rating);
        if (stars == null || blank(title) || blank(text) || title.length() > MAX_TITLE || text.length() > MAX_TEXT) {
            viewer.flash("Choose 1 to 5 stars and write a title (up to " + MAX_TITLE
                    + " characters) and a review (up to " + MAX_TEXT + ").");
            return Response.seeOther(back).build();
        }
        var product = catalog.product(slug);
        try {
            reviews.post(
                    bearer,
                    product.id(),
                    new NewReview(stars, title.strip(), text.strip(), blank(authorName) ? null : authorName.strip()));
            // The shopper should see their review at once, not after the few seconds reviews are cached for.
            reviewsCache.invalidateAll().await().indefinitely();
            viewer.flash("Thank you: your review is published.");
        } catch (Refused e) {
            viewer.flash(e.status() == 409 ? "You have already reviewed this product." : e.message());
        } catch (RuntimeException e) {
            LOG.debugf(e, "products unreachable for a review");
            throw ProblemException.unavailable(
                    "PRODUCTS_UNAVAILABLE",
                    "Your review could not be posted right now. Please try again in a moment.",
                    config.retryAfterSeconds());
        }
        return Response.seeOther(back).build();
    }

    private static Integer stars(String value) {
        try {
            int n = Integer.parseInt(value == null ? "" : value.strip());
            return n >= 1 && n <= 5 ? n : null;
        } catch (NumberFormatException e) {
            return null;
        }
    }

    private static boolean blank(String value) {
        return value == null || value.isBlank();
    }
}
