package com.scalecommerce.products.merchandising;

import com.scalecommerce.platform.web.paging.Page;
import com.scalecommerce.platform.web.problem.Problem;
import com.scalecommerce.platform.web.problem.ProblemException;
import com.scalecommerce.products.media.ImageStorage;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Event;
import jakarta.transaction.Transactional;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.SQLException;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Base64;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.jsoup.safety.Safelist;

/**
 * Featured products and promotional banners, managed by admins, and the home page assembled from them. Every
 * write announces {@link MerchandisingChanged} in its transaction; the home page cache drops its copy once the
 * write commits.
 */
@ApplicationScoped
public class Merchandising {

    static final int MAX_HEADLINE = 120;
    static final int MAX_TEXT = 500;
    static final int MAX_URL = 2048;

    private final MerchandisingRepository repository;
    private final ImageStorage images;
    private final MerchandisingConfig config;
    private final Event<MerchandisingChanged> changed;

    Merchandising(
            MerchandisingRepository repository,
            ImageStorage images,
            MerchandisingConfig config,
            Event<MerchandisingChanged> changed) {
        this.repository = repository;
        this.images = images;
        this.config = config;
        this.changed = changed;
    }

    /** Drops the cached home page once the caller's transaction commits (or now, outside one). */
    public void homePageChanged() {
        changed.fire(new MerchandisingChanged());
    }

    public FeaturedProducts featured() {
        try (Connection connection = repository.connection()) {
            return new FeaturedProducts(repository.featuredIds(connection));
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }

    /** Replaces the whole list; products of any status may be listed, the home page shows the active ones. */
    @Transactional
    public FeaturedProducts replaceFeatured(List<UUID> productIds) {
        if (productIds == null) {
            throw ProblemException.invalidField("productIds", "is required");
        }
        if (productIds.size() > config.maxFeatured()) {
            throw ProblemException.invalidField(
                    "productIds", "must list at most " + config.maxFeatured() + " products");
        }
        try (Connection connection = repository.connection()) {
            Set<UUID> existing = repository.existingProducts(
                    connection, productIds.stream().filter(id -> id != null).toList());
            List<Problem.FieldError> errors = new ArrayList<>();
            Set<UUID> seen = new HashSet<>();
            for (int i = 0; i < productIds.size(); i++) {
                UUID id = productIds.get(i);
                String field = "productIds[" + i + "]";
                if (id == null || !existing.contains(id)) {
                    errors.add(new Problem.FieldError(field, "is not a product"));
                } else if (!seen.add(id)) {
                    errors.add(new Problem.FieldError(field, "is listed twice"));
                }
            }
            if (!errors.isEmpty()) {
                throw ProblemException.invalidFields(errors);
            }
            repository.replaceFeatured(connection, productIds);
            homePageChanged();
            return new FeaturedProducts(List.copyOf(productIds));
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }

    public Page<Banner> banners(String cursor, Integer limit) {
        int size = limit == null ? config.maxBannerPageSize() : limit;
        if (size < 1 || size > config.maxBannerPageSize()) {
            throw ProblemException.invalidField("limit", "must be from 1 to " + config.maxBannerPageSize());
        }
        BannerCursor after = BannerCursor.decode(cursor);
        try (Connection connection = repository.connection()) {
            List<Banner> page = new ArrayList<>(repository
                    .bannerPage(
                            connection,
                            after == null ? null : after.position(),
                            after == null ? null : after.id(),
                            size + 1)
                    .stream()
                    .map(this::toBanner)
                    .toList());
            String next = null;
            if (page.size() > size) {
                page.removeLast();
                next = new BannerCursor(
                                page.getLast().position(), page.getLast().id())
                        .encode();
            }
            return new Page<>(page, next);
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }

    public Banner banner(UUID id) {
        try (Connection connection = repository.connection()) {
            return repository.banner(connection, id).map(this::toBanner).orElseThrow(Merchandising::bannerNotFound);
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }

    @Transactional
    public Banner createBanner(BannerInput input) {
        MerchandisingRepository.BannerFields fields = validate(input);
        UUID id = UUID.randomUUID();
        try (Connection connection = repository.connection()) {
            repository.insertBanner(connection, id, fields);
            homePageChanged();
            return repository.banner(connection, id).map(this::toBanner).orElseThrow();
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }

    @Transactional
    public Banner replaceBanner(UUID id, BannerInput input) {
        MerchandisingRepository.BannerFields fields = validate(input);
        try (Connection connection = repository.connection()) {
            if (!repository.updateBanner(connection, id, fields)) {
                throw bannerNotFound();
            }
            homePageChanged();
            return repository.banner(connection, id).map(this::toBanner).orElseThrow();
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }

    @Transactional
    public void deleteBanner(UUID id) {
        try (Connection connection = repository.connection()) {
            if (!repository.deleteBanner(connection, id)) {
                throw bannerNotFound();
            }
            homePageChanged();
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }

    /** The home page as of now, straight from the database, and how long it stays right at most. */
    HomeSnapshot assembleHomePage() {
        try (Connection connection = repository.connection()) {
            List<HomePage.HomeBanner> banners = repository.bannersInWindow(connection).stream()
                    .map(b -> new HomePage.HomeBanner(
                            b.id(),
                            b.headline(),
                            b.text(),
                            imageUrl(b.imageUrl(), b.imageKey()),
                            b.link(),
                            instant(b.startsAt()),
                            instant(b.endsAt())))
                    .toList();
            HomePage page = new HomePage(
                    banners,
                    cards(repository.featuredCards(connection)),
                    cards(repository.newestCards(connection, config.listSize())),
                    cards(repository.bestSellingCards(connection, config.listSize())));
            long validForMillis = repository
                    .millisToNextWindowChange(connection)
                    .map(millis -> Math.min(millis, config.homeCacheTtl().toMillis()))
                    .orElse(config.homeCacheTtl().toMillis());
            return new HomeSnapshot(page, validForMillis);
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }

    record HomeSnapshot(HomePage page, long validForMillis) {}

    private List<HomePage.ProductCard> cards(List<MerchandisingRepository.CardRow> rows) {
        return rows.stream()
                .map(row -> new HomePage.ProductCard(
                        row.id(),
                        row.name(),
                        row.slug(),
                        row.currency(),
                        row.minPriceMinor(),
                        row.maxPriceMinor(),
                        row.imageKey() == null ? null : imageUrl(null, row.imageKey()),
                        row.ratingAvg(),
                        row.ratingCount()))
                .toList();
    }

    private String imageUrl(String url, String key) {
        if (url != null) {
            return url;
        }
        // Keys written by other features may already be URLs.
        return key.startsWith("/") || key.startsWith("http://") || key.startsWith("https://")
                ? key
                : images.urlFor(key);
    }

    private Banner toBanner(MerchandisingRepository.BannerRow row) {
        return new Banner(
                row.id(),
                row.headline(),
                row.text(),
                imageUrl(row.imageUrl(), row.imageKey()),
                row.imageKey(),
                row.link(),
                row.position(),
                instant(row.startsAt()),
                instant(row.endsAt()),
                instant(row.createdAt()),
                instant(row.updatedAt()));
    }

    private MerchandisingRepository.BannerFields validate(BannerInput input) {
        if (input == null) {
            throw ProblemException.badRequest("MISSING_BODY", "A banner needs a JSON body.");
        }
        List<Problem.FieldError> errors = new ArrayList<>();
        String headline = plain(input.headline());
        if (headline == null || headline.isEmpty()) {
            errors.add(new Problem.FieldError("headline", "is required"));
        } else if (headline.length() > MAX_HEADLINE) {
            errors.add(new Problem.FieldError("headline", "must be at most " + MAX_HEADLINE + " characters"));
        }
        String text = plain(input.text());
        if (text != null && text.length() > MAX_TEXT) {
            errors.add(new Problem.FieldError("text", "must be at most " + MAX_TEXT + " characters"));
        }
        boolean hasUrl = input.imageUrl() != null && !input.imageUrl().isBlank();
        boolean hasKey = input.imageKey() != null && !input.imageKey().isBlank();
        if (hasUrl == hasKey) {
            errors.add(new Problem.FieldError("imageUrl", "give exactly one of imageUrl and imageKey"));
        } else if (hasUrl && !isSafeLink(input.imageUrl())) {
            errors.add(new Problem.FieldError("imageUrl", "must be an http(s) URL or a path starting with /"));
        } else if (hasKey && !images.exists(input.imageKey())) {
            errors.add(new Problem.FieldError("imageKey", "no stored image has this key"));
        }
        String link = input.link() == null || input.link().isBlank()
                ? null
                : input.link().strip();
        if (link != null && !isSafeLink(link)) {
            errors.add(new Problem.FieldError("link", "must be an http(s) URL or a path starting with /"));
        }
        if (input.startsAt() != null
                && input.endsAt() != null
                && !input.startsAt().isBefore(input.endsAt())) {
            errors.add(new Problem.FieldError("endsAt", "must be after startsAt"));
        }
        if (!errors.isEmpty()) {
            throw ProblemException.invalidFields(errors);
        }
        return new MerchandisingRepository.BannerFields(
                headline,
                text == null ? "" : text,
                hasUrl ? input.imageUrl().strip() : null,
                hasKey ? input.imageKey() : null,
                link,
                input.position() == null ? 0 : input.position(),
                offset(input.startsAt()),
                offset(input.endsAt()));
    }

    /** Absolute http(s) URLs and site-relative paths only: no javascript:, data: or protocol-relative links. */
    static boolean isSafeLink(String value) {
        String link = value.strip();
        if (link.length() > MAX_URL || link.chars().anyMatch(c -> c <= ' ' || c == '\\')) {
            return false;
        }
        if (link.startsWith("/")) {
            return !link.startsWith("//");
        }
        try {
            URI uri = new URI(link);
            return ("https".equalsIgnoreCase(uri.getScheme()) || "http".equalsIgnoreCase(uri.getScheme()))
                    && uri.getHost() != null;
        } catch (Exception e) {
            return false;
        }
    }

    private static String plain(String raw) {
        if (raw == null) {
            return null;
        }
        if (raw.length() > 4 * MAX_URL) {
            return raw;
        }
        return Jsoup.clean(raw, "", Safelist.none(), new Document.OutputSettings().prettyPrint(false))
                .strip();
    }

    private static Instant instant(OffsetDateTime time) {
        return time == null ? null : time.toInstant();
    }

    private static OffsetDateTime offset(Instant time) {
        return time == null ? null : time.atOffset(ZoneOffset.UTC);
    }

    private static ProblemException bannerNotFound() {
        return ProblemException.notFound("BANNER_NOT_FOUND", "No such banner.");
    }

    record BannerCursor(int position, UUID id) {
        String encode() {
            return Base64.getUrlEncoder()
                    .withoutPadding()
                    .encodeToString((position + "|" + id).getBytes(StandardCharsets.UTF_8));
        }

        static BannerCursor decode(String cursor) {
            if (cursor == null || cursor.isBlank()) {
                return null;
            }
            try {
                String[] parts =
                        new String(Base64.getUrlDecoder().decode(cursor), StandardCharsets.UTF_8).split("\\|", 2);
                return new BannerCursor(Integer.parseInt(parts[0]), UUID.fromString(parts[1]));
            } catch (RuntimeException e) {
                throw ProblemException.invalidField("cursor", "is not a cursor this API returned");
            }
        }
    }
}
