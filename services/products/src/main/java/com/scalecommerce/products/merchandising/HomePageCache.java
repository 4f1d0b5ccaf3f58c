package com.scalecommerce.products.merchandising;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.scalecommerce.platform.web.http.ConditionalGet;
import io.quarkus.redis.datasource.RedisDataSource;
import io.quarkus.redis.datasource.value.SetArgs;
import io.quarkus.redis.datasource.value.ValueCommands;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.enterprise.event.TransactionPhase;
import java.time.Duration;
import org.jboss.logging.Logger;

/**
 * The home page, rendered to JSON once and kept in Redis with its ETag. Entries are keyed by a version number
 * that every merchandising write bumps after it commits: a reader that rendered from data read before the
 * write stores under the old version, which nobody asks for any more, so a stale page cannot outlive the write.
 * Redis trouble never fails the page; it is then rendered from the database for each request.
 */
@ApplicationScoped
class HomePageCache {

    record Rendered(String etag, String json) {}

    static final String VERSION_KEY = "products:merchandising:home:version";
    static final String PAGE_KEY_PREFIX = "products:merchandising:home:v";

    private static final Logger LOG = Logger.getLogger(HomePageCache.class);
    // Less than this left before a banner window changes: not worth a round trip to store.
    private static final long MIN_CACHE_MILLIS = 200;

    private final Merchandising merchandising;
    private final ObjectMapper json;
    private final ValueCommands<String, String> values;

    HomePageCache(Merchandising merchandising, ObjectMapper json, RedisDataSource redis) {
        this.merchandising = merchandising;
        this.json = json;
        this.values = redis.value(String.class);
    }

    Rendered homePage() {
        String version = null;
        try {
            version = values.get(VERSION_KEY);
            String cached = values.get(pageKey(version));
            if (cached != null) {
                int newline = cached.indexOf('\n');
                return new Rendered(cached.substring(0, newline), cached.substring(newline + 1));
            }
        } catch (RuntimeException e) {
            LOG.warnf("home page cache unavailable, rendering from the database: %s", e.toString());
            return render().rendered();
        }
        Fresh fresh = render();
        if (fresh.validForMillis() >= MIN_CACHE_MILLIS) {
            try {
                values.set(
                        pageKey(version),
                        fresh.rendered().etag() + "\n" + fresh.rendered().json(),
                        new SetArgs().px(Duration.ofMillis(fresh.validForMillis())));
            } catch (RuntimeException e) {
                LOG.warnf("could not cache the home page: %s", e.toString());
            }
        }
        return fresh.rendered();
    }

    void dropAfterCommit(@Observes(during = TransactionPhase.AFTER_SUCCESS) MerchandisingChanged changed) {
        try {
            values.incr(VERSION_KEY);
        } catch (RuntimeException e) {
            // The entry expires within the home cache TTL anyway.
            LOG.warnf("could not invalidate the cached home page: %s", e.toString());
        }
    }

    private record Fresh(Rendered rendered, long validForMillis) {}

    private Fresh render() {
        Merchandising.HomeSnapshot snapshot = merchandising.assembleHomePage();
        try {
            String body = json.writeValueAsString(snapshot.page());
            return new Fresh(new Rendered(ConditionalGet.etagOf(body), body), snapshot.validForMillis());
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("home page cannot be written as JSON", e);
        }
    }

    private static String pageKey(String version) {
        return PAGE_KEY_PREFIX + (version == null ? "0" : version);
    }
}
