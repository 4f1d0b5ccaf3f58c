package com.scalecommerce.products.demo;

import com.scalecommerce.platform.web.problem.ProblemException;
import com.scalecommerce.products.media.ImageStorage;
import com.scalecommerce.products.merchandising.Merchandising;
import io.agroal.api.AgroalDataSource;
import io.quarkus.narayana.jta.QuarkusTransaction;
import jakarta.enterprise.context.ApplicationScoped;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import org.jboss.logging.Logger;
import org.postgresql.PGConnection;
import org.postgresql.copy.CopyManager;

/**
 * Loads the generated demo catalog with COPY, in one transaction: categories, brands, products, variants, stock,
 * images (through the image storage) and reviews with their rating figures, then the first home page (featured
 * products and banners). Writes the tables directly, like a restore: no per-product events are emitted.
 */
@ApplicationScoped
public class DemoCatalog {

    public enum Mode {
        /** Load only into an empty catalog; otherwise do nothing. */
        IF_EMPTY,
        /** Load into an empty catalog; refuse with 409 otherwise. */
        REFUSE_IF_NOT_EMPTY,
        /** Empty the catalog (products, categories, brands and everything that hangs off them) first. */
        REPLACE
    }

    public record LoadReport(
            boolean loaded,
            long seed,
            int products,
            int categories,
            int brands,
            long variants,
            long images,
            int distinctImages,
            long reviews,
            long millis) {}

    private static final Logger LOG = Logger.getLogger(DemoCatalog.class);
    // One loader at a time across replicas: pg_advisory_xact_lock key, "demo" in ASCII.
    private static final long LOAD_LOCK = 0x64656d6fL;

    private final AgroalDataSource dataSource;
    private final ImageStorage images;
    private final Merchandising merchandising;
    private final DemoConfig config;

    DemoCatalog(AgroalDataSource dataSource, ImageStorage images, Merchandising merchandising, DemoConfig config) {
        this.dataSource = dataSource;
        this.images = images;
        this.merchandising = merchandising;
        this.config = config;
    }

    public LoadReport load(int products, long seed, Mode mode) {
        if (products < 1 || products > 1_000_000) {
            throw ProblemException.invalidField("products", "must be from 1 to 1000000");
        }
        LoadReport report = QuarkusTransaction.requiringNew()
                .timeout((int) config.loadTimeout().toSeconds())
                .call(() -> loadInTransaction(products, seed, mode));
        if (report.loaded()) {
            merchandising.homePageChanged();
        }
        return report;
    }

    private LoadReport loadInTransaction(int productCount, long seed, Mode mode) throws SQLException {
        long started = System.nanoTime();
        try (Connection connection = dataSource.getConnection()) {
            lock(connection, mode);
            if (!catalogEmpty(connection)) {
                switch (mode) {
                    case IF_EMPTY -> {
                        return new LoadReport(false, seed, 0, 0, 0, 0, 0, 0, 0, 0);
                    }
                    case REFUSE_IF_NOT_EMPTY ->
                        throw ProblemException.conflict(
                                "CATALOG_NOT_EMPTY", "The catalog has products; pass replace=true to replace it.");
                    case REPLACE -> execute(connection, "truncate table product, category, brand cascade");
                }
            }
            CopyManager copy = connection.unwrap(PGConnection.class).getCopyAPI();
            DemoCatalogGenerator generator = new DemoCatalogGenerator(seed);

            CopyRows categories = new CopyRows("category", "id, parent_id, slug, name, description, position, path");
            generator
                    .categories()
                    .forEach(c -> categories.row(
                            c.id(),
                            c.parentId(),
                            c.slug(),
                            c.name(),
                            "Demo " + c.name().toLowerCase() + ".",
                            c.position(),
                            c.path()));
            categories.send(copy);
            CopyRows brands = new CopyRows("brand", "id, slug, name");
            generator.brands().forEach(b -> brands.row(b.id(), b.slug(), b.name()));
            brands.send(copy);

            Tables tables = new Tables();
            Map<DemoImages.Card, String> storedCards = new HashMap<>();
            long variants = 0;
            long imageRows = 0;
            long reviews = 0;
            int chunk = Math.max(1, config.chunkSize());
            for (int from = 0; from < productCount; from += chunk) {
                int to = Math.min(productCount, from + chunk);
                for (int index = from; index < to; index++) {
                    DemoCatalogGenerator.Product product = generator.product(index);
                    tables.add(product, card -> storedCards.computeIfAbsent(card, this::store));
                    variants += product.variants().size();
                    imageRows += product.images().size();
                    reviews += product.reviews().size();
                }
                tables.send(copy);
                LOG.infof("demo catalog: %d of %d products loaded", to, productCount);
            }

            // Reviews marked verified stand for purchases; record them as the order.paid consumer would.
            execute(
                    connection,
                    "insert into review_purchase (user_id, product_id, purchased_at)"
                            + " select user_id, product_id, created_at from review where verified_purchase"
                            + " on conflict do nothing");
            firstHomePage(connection);
            refreshSearchVectorsIfDefined(connection);
            execute(connection, "analyze product, product_category, variant, stock, product_image, review");
            long millis = (System.nanoTime() - started) / 1_000_000;
            LOG.infof(
                    "demo catalog: seed %d, %d products, %d variants, %d images (%d distinct), %d reviews in %d ms",
                    seed, productCount, variants, imageRows, storedCards.size(), reviews, millis);
            return new LoadReport(
                    true,
                    seed,
                    productCount,
                    generator.categories().size(),
                    generator.brands().size(),
                    variants,
                    imageRows,
                    storedCards.size(),
                    reviews,
                    millis);
        }
    }

    public boolean catalogEmpty() {
        try (Connection connection = dataSource.getConnection()) {
            return catalogEmpty(connection);
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }

    private String store(DemoImages.Card card) {
        DemoImages.Rendered rendered = DemoImages.render(card);
        if (!images.exists(rendered.key())) {
            images.put(rendered.key(), rendered.svg(), DemoImages.CONTENT_TYPE);
        }
        return rendered.key();
    }

    /** A loaded catalog gets a home page: the best-rated products featured, and three banners if there are none. */
    private void firstHomePage(Connection connection) throws SQLException {
        execute(
                connection,
                "insert into featured_product (product_id, position)"
                        + " select id, row_number() over (order by rating_avg desc, rating_count desc, slug) - 1"
                        + " from product where status = 'ACTIVE' and rating_count >= 5"
                        + " order by rating_avg desc, rating_count desc, slug limit 8 on conflict do nothing");
        if (hasRows(connection, "select 1 from banner limit 1")) {
            return;
        }
        String[][] banners = {
            {"Summer sale: up to 40% off", "Hundreds of products reduced for a limited time.", "/categories/fashion"},
            {"New in Electronics", "The latest phones, laptops and headphones.", "/categories/electronics"},
            {"Free delivery over $50", "On every order, every day.", "/help/delivery"}
        };
        try (var insert = connection.prepareStatement("insert into banner (id, headline, body, image_key, link_url,"
                + " position) values (?, ?, ?, ?, ?, ?)")) {
            for (int i = 0; i < banners.length; i++) {
                DemoImages.Rendered image = DemoImages.banner(banners[i][0], i);
                if (!images.exists(image.key())) {
                    images.put(image.key(), image.svg(), DemoImages.CONTENT_TYPE);
                }
                insert.setObject(1, UUID.nameUUIDFromBytes(("demo-banner-" + i).getBytes()));
                insert.setString(2, banners[i][0]);
                insert.setString(3, banners[i][1]);
                insert.setString(4, image.key());
                insert.setString(5, banners[i][2]);
                insert.setInt(6, i);
                insert.addBatch();
            }
            insert.executeBatch();
        }
    }

    // The catalog feature may keep a search column up to date with a function of its own; it is not ours to know.
    private static void refreshSearchVectorsIfDefined(Connection connection) throws SQLException {
        Optional<String> kind;
        try (var query = connection.prepareStatement("select prokind from pg_proc p join pg_namespace n"
                + " on n.oid = p.pronamespace where p.proname = 'refresh_search_vectors' and p.pronargs = 0"
                + " and n.nspname = any(current_schemas(false)) limit 1")) {
            try (var rows = query.executeQuery()) {
                kind = rows.next() ? Optional.of(rows.getString(1)) : Optional.empty();
            }
        }
        if (kind.isPresent()) {
            LOG.info("demo catalog: refreshing search vectors");
            execute(
                    connection,
                    "p".equals(kind.get()) ? "call refresh_search_vectors()" : "select refresh_search_vectors()");
        }
    }

    private static void lock(Connection connection, Mode mode) throws SQLException {
        if (mode == Mode.IF_EMPTY) {
            // Replicas starting together: the second waits, then finds the catalog loaded.
            execute(connection, "select pg_advisory_xact_lock(" + LOAD_LOCK + ")");
            return;
        }
        if (!hasRows(connection, "select 1 where pg_try_advisory_xact_lock(" + LOAD_LOCK + ")")) {
            throw ProblemException.conflict("DEMO_LOAD_RUNNING", "A demo catalog load is already running.");
        }
    }

    private static boolean catalogEmpty(Connection connection) throws SQLException {
        return !hasRows(connection, "select 1 from product limit 1");
    }

    private static boolean hasRows(Connection connection, String sql) throws SQLException {
        try (var statement = connection.createStatement();
                var rows = statement.executeQuery(sql)) {
            return rows.next();
        }
    }

    private static void execute(Connection connection, String sql) throws SQLException {
        try (var statement = connection.createStatement()) {
            statement.execute(sql);
        }
    }

    /** One chunk's rows for each table, in foreign-key order. */
    private static final class Tables {
        private final CopyRows products = new CopyRows(
                "product",
                "id, slug, name, description, brand_id, status, attributes, seo_title, seo_description, currency,"
                        + " min_price_minor, max_price_minor, rating_avg, rating_count, sold_count, created_at,"
                        + " updated_at, published_at");
        private final CopyRows productCategories = new CopyRows("product_category", "product_id, category_id");
        private final CopyRows variants = new CopyRows(
                "variant",
                "id, product_id, sku, options, price_minor, compare_at_price_minor, weight_grams, position, active,"
                        + " created_at, updated_at");
        private final CopyRows stock =
                new CopyRows("stock", "variant_id, sku, on_hand, reserved, low_stock_threshold, updated_at");
        private final CopyRows productImages = new CopyRows(
                "product_image", "id, product_id, variant_id, storage_key, alt, position, width, height, created_at");
        private final CopyRows reviews = new CopyRows(
                "review",
                "id, product_id, user_id, author_name, rating, title, body, status, verified_purchase,"
                        + " helpful_count, hidden_at, created_at, updated_at");

        void add(DemoCatalogGenerator.Product p, java.util.function.Function<DemoImages.Card, String> imageKey) {
            products.row(
                    p.id(),
                    p.slug(),
                    p.name(),
                    p.description(),
                    p.brandId(),
                    "ACTIVE",
                    p.attributes(),
                    p.seoTitle(),
                    p.seoDescription(),
                    "USD",
                    p.minPriceMinor(),
                    p.maxPriceMinor(),
                    p.ratingAvg(),
                    p.ratingCount(),
                    p.soldCount(),
                    p.createdAt(),
                    p.createdAt(),
                    p.createdAt());
            p.categoryIds().forEach(category -> productCategories.row(p.id(), category));
            for (DemoCatalogGenerator.Variant v : p.variants()) {
                variants.row(
                        v.id(),
                        p.id(),
                        v.sku(),
                        v.options(),
                        v.priceMinor(),
                        v.compareAtPriceMinor(),
                        v.weightGrams(),
                        v.position(),
                        true,
                        p.createdAt(),
                        p.createdAt());
                stock.row(v.id(), v.sku(), v.onHand(), 0, 5, p.createdAt());
            }
            for (DemoCatalogGenerator.Image image : p.images()) {
                productImages.row(
                        image.id(),
                        p.id(),
                        null,
                        imageKey.apply(image.card()),
                        image.alt(),
                        image.position(),
                        DemoImages.SIZE,
                        DemoImages.SIZE,
                        p.createdAt());
            }
            for (DemoCatalogGenerator.Review r : p.reviews()) {
                reviews.row(
                        r.id(),
                        p.id(),
                        r.userId(),
                        r.authorName(),
                        r.rating(),
                        r.title(),
                        r.body(),
                        r.visible() ? "VISIBLE" : "HIDDEN",
                        r.verifiedPurchase(),
                        r.helpfulCount(),
                        r.visible() ? null : r.createdAt(),
                        r.createdAt(),
                        r.createdAt());
            }
        }

        void send(CopyManager copy) throws SQLException {
            products.send(copy);
            productCategories.send(copy);
            variants.send(copy);
            stock.send(copy);
            productImages.send(copy);
            reviews.send(copy);
        }
    }
}
