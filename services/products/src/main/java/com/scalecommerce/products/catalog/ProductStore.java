package com.scalecommerce.products.catalog;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.scalecommerce.platform.web.problem.ProblemException;
import com.scalecommerce.products.catalog.CatalogViews.AdminProduct;
import com.scalecommerce.products.catalog.CatalogViews.AdminVariant;
import com.scalecommerce.products.catalog.CatalogViews.BrandRef;
import com.scalecommerce.products.catalog.CatalogViews.CategoryRef;
import com.scalecommerce.products.catalog.CatalogViews.Image;
import com.scalecommerce.products.catalog.CatalogViews.Rating;
import com.scalecommerce.products.media.ImageStorage;
import jakarta.enterprise.context.ApplicationScoped;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

/** Rows of product, variant, stock (creation only), product_category, product_image and brand. */
@ApplicationScoped
class ProductStore {

    /** True when some active variant of product {@code p} has an unreserved unit (kept by triggers, V3). */
    static final String IN_STOCK = "p.in_stock";

    private static final TypeReference<Map<String, Object>> OBJECT = new TypeReference<>() {};
    private static final TypeReference<Map<String, String>> STRINGS = new TypeReference<>() {};

    private final ObjectMapper json;
    private final ImageStorage storage;

    ProductStore(ObjectMapper json, ImageStorage storage) {
        this.json = json;
        this.storage = storage;
    }

    record ProductRow(UUID id, String slug, String status, Instant publishedAt) {
        boolean everPublished() {
            return publishedAt != null;
        }
    }

    /** Product-level columns as they are written. */
    record ProductFields(
            String name,
            String slug,
            String description,
            UUID brandId,
            String status,
            Map<String, Object> attributes,
            String seoTitle,
            String seoDescription,
            String currency) {}

    record VariantFields(
            String sku,
            Map<String, String> options,
            long priceMinor,
            Long compareAtPriceMinor,
            Integer weightGrams,
            boolean active,
            Integer position) {}

    ProductRow lock(Connection connection, UUID id) throws SQLException {
        return findRow(connection, "p.id = ?", id).orElseThrow(ProductStore::notFound);
    }

    Optional<ProductRow> lockBySlug(Connection connection, String slug) throws SQLException {
        return findRow(connection, "p.slug = ?", slug);
    }

    private Optional<ProductRow> findRow(Connection connection, String where, Object key) throws SQLException {
        try (var select = connection.prepareStatement(
                "select p.id, p.slug, p.status, p.published_at from product p where " + where + " for update")) {
            select.setObject(1, key);
            try (var rows = select.executeQuery()) {
                if (!rows.next()) {
                    return Optional.empty();
                }
                return Optional.of(new ProductRow(
                        rows.getObject(1, UUID.class), rows.getString(2), rows.getString(3), instant(rows, 4)));
            }
        }
    }

    void insert(Connection connection, UUID id, ProductFields f) throws SQLException {
        try (var insert = connection.prepareStatement("insert into product (id, slug, name, description, brand_id,"
                + " status, attributes, seo_title, seo_description, currency, published_at)"
                + " values (?, ?, ?, ?, ?, ?, cast(? as jsonb), ?, ?, ?, case when ? = 'ACTIVE' then now() end)")) {
            insert.setObject(1, id);
            insert.setString(2, f.slug());
            insert.setString(3, f.name());
            insert.setString(4, f.description());
            insert.setObject(5, f.brandId());
            insert.setString(6, f.status());
            insert.setString(7, toJson(f.attributes()));
            insert.setString(8, f.seoTitle());
            insert.setString(9, f.seoDescription());
            insert.setString(10, f.currency());
            insert.setString(11, f.status());
            insert.executeUpdate();
        } catch (SQLException e) {
            throw mapUnique(e);
        }
    }

    void update(Connection connection, UUID id, ProductFields f) throws SQLException {
        try (var update = connection.prepareStatement("update product set slug = ?, name = ?, description = ?,"
                + " brand_id = ?, status = ?, attributes = cast(? as jsonb), seo_title = ?, seo_description = ?,"
                + " currency = ?, updated_at = now(),"
                + " published_at = coalesce(published_at, case when ? = 'ACTIVE' then now() end) where id = ?")) {
            update.setString(1, f.slug());
            update.setString(2, f.name());
            update.setString(3, f.description());
            update.setObject(4, f.brandId());
            update.setString(5, f.status());
            update.setString(6, toJson(f.attributes()));
            update.setString(7, f.seoTitle());
            update.setString(8, f.seoDescription());
            update.setString(9, f.currency());
            update.setString(10, f.status());
            update.setObject(11, id);
            update.executeUpdate();
        } catch (SQLException e) {
            throw mapUnique(e);
        }
    }

    void setStatus(Connection connection, UUID id, String status) throws SQLException {
        try (var update = connection.prepareStatement("update product set status = ?, updated_at = now(),"
                + " published_at = coalesce(published_at, case when ? = 'ACTIVE' then now() end) where id = ?")) {
            update.setString(1, status);
            update.setString(2, status);
            update.setObject(3, id);
            update.executeUpdate();
        }
    }

    void touch(Connection connection, UUID id) throws SQLException {
        try (var update = connection.prepareStatement("update product set updated_at = now() where id = ?")) {
            update.setObject(1, id);
            update.executeUpdate();
        }
    }

    void replaceCategories(Connection connection, UUID productId, List<UUID> categoryIds) throws SQLException {
        // Only the difference is written: unchanged links do not re-fire the search-document trigger.
        UUID[] wanted = categoryIds.stream().distinct().toArray(UUID[]::new);
        try (var delete = connection.prepareStatement(
                "delete from product_category where product_id = ? and not (category_id = any(?))")) {
            delete.setObject(1, productId);
            delete.setArray(2, connection.createArrayOf("uuid", wanted));
            delete.executeUpdate();
        }
        try (var insert = connection.prepareStatement("insert into product_category (product_id, category_id)"
                + " select ?, unnest(?::uuid[]) on conflict do nothing")) {
            insert.setObject(1, productId);
            insert.setArray(2, connection.createArrayOf("uuid", wanted));
            insert.executeUpdate();
        }
    }

    /** A new variant starts with an empty stock row: the inventory feature receives units into it. */
    UUID insertVariant(Connection connection, UUID productId, VariantFields v) throws SQLException {
        UUID id = UUID.randomUUID();
        try (var insert = connection.prepareStatement("insert into variant (id, product_id, sku, options, price_minor,"
                + " compare_at_price_minor, weight_grams, active, position)"
                + " values (?, ?, ?, cast(? as jsonb), ?, ?, ?, ?,"
                + " coalesce(?, (select count(*) from variant where product_id = ?)))")) {
            insert.setObject(1, id);
            insert.setObject(2, productId);
            insert.setString(3, v.sku());
            insert.setString(4, toJson(v.options()));
            insert.setLong(5, v.priceMinor());
            insert.setObject(6, v.compareAtPriceMinor());
            insert.setObject(7, v.weightGrams());
            insert.setBoolean(8, v.active());
            insert.setObject(9, v.position());
            insert.setObject(10, productId);
            insert.executeUpdate();
        } catch (SQLException e) {
            throw mapUnique(e);
        }
        try (var stock = connection.prepareStatement("insert into stock (variant_id, sku) values (?, ?)")) {
            stock.setObject(1, id);
            stock.setString(2, v.sku());
            stock.executeUpdate();
        } catch (SQLException e) {
            throw mapUnique(e);
        }
        return id;
    }

    void updateVariant(Connection connection, UUID variantId, VariantFields v) throws SQLException {
        try (var update = connection.prepareStatement("update variant set options = cast(? as jsonb), price_minor = ?,"
                + " compare_at_price_minor = ?, weight_grams = ?, active = ?, position = coalesce(?, position),"
                + " updated_at = now() where id = ?")) {
            update.setString(1, toJson(v.options()));
            update.setLong(2, v.priceMinor());
            update.setObject(3, v.compareAtPriceMinor());
            update.setObject(4, v.weightGrams());
            update.setBoolean(5, v.active());
            update.setObject(6, v.position());
            update.setObject(7, variantId);
            update.executeUpdate();
        }
    }

    /** The variant's SKU, when it belongs to the product. */
    Optional<String> variantSku(Connection connection, UUID productId, UUID variantId) throws SQLException {
        try (var select =
                connection.prepareStatement("select sku from variant where id = ? and product_id = ? for update")) {
            select.setObject(1, variantId);
            select.setObject(2, productId);
            try (var rows = select.executeQuery()) {
                return rows.next() ? Optional.of(rows.getString(1)) : Optional.empty();
            }
        }
    }

    /** The product owning a SKU, and the variant's id. */
    Optional<UUID[]> ownerOfSku(Connection connection, String sku) throws SQLException {
        try (var select = connection.prepareStatement("select product_id, id from variant where sku = ?")) {
            select.setString(1, sku);
            try (var rows = select.executeQuery()) {
                return rows.next()
                        ? Optional.of(new UUID[] {rows.getObject(1, UUID.class), rows.getObject(2, UUID.class)})
                        : Optional.empty();
            }
        }
    }

    /** Keeps the listing's price columns equal to the range of the active variants' prices. */
    void refreshPrices(Connection connection, UUID productId) throws SQLException {
        try (var update = connection.prepareStatement("update product p set"
                + " min_price_minor = r.min_price, max_price_minor = r.max_price"
                + " from (select min(price_minor) min_price, max(price_minor) max_price"
                + " from variant where product_id = ? and active) r"
                + " where p.id = ? and (p.min_price_minor is distinct from r.min_price"
                + " or p.max_price_minor is distinct from r.max_price)")) {
            update.setObject(1, productId);
            update.setObject(2, productId);
            update.executeUpdate();
        }
    }

    /** An ACTIVE product must be buyable: at least one active variant. */
    void requireSellableIfActive(Connection connection, UUID productId) throws SQLException {
        try (var select =
                connection.prepareStatement("select p.status = 'ACTIVE' and not exists (select 1 from variant v"
                        + " where v.product_id = p.id and v.active) from product p where p.id = ?")) {
            select.setObject(1, productId);
            try (var rows = select.executeQuery()) {
                if (rows.next() && rows.getBoolean(1)) {
                    throw ProblemException.conflict(
                            "PRODUCT_NOT_SELLABLE", "An active product needs at least one active variant.");
                }
            }
        }
    }

    UUID insertImage(
            Connection connection, UUID productId, UUID variantId, String key, String alt, int width, int height)
            throws SQLException {
        UUID id = UUID.randomUUID();
        try (var insert = connection.prepareStatement("insert into product_image (id, product_id, variant_id,"
                + " storage_key, alt, width, height, position)"
                + " values (?, ?, ?, ?, ?, ?, ?, (select count(*) from product_image where product_id = ?))")) {
            insert.setObject(1, id);
            insert.setObject(2, productId);
            insert.setObject(3, variantId);
            insert.setString(4, key);
            insert.setString(5, alt);
            insert.setInt(6, width);
            insert.setInt(7, height);
            insert.setObject(8, productId);
            insert.executeUpdate();
        }
        return id;
    }

    boolean deleteImage(Connection connection, UUID productId, UUID imageId) throws SQLException {
        try (var delete = connection.prepareStatement("delete from product_image where id = ? and product_id = ?")) {
            delete.setObject(1, imageId);
            delete.setObject(2, productId);
            return delete.executeUpdate() > 0;
        }
    }

    /** Finds the brand by name (any case) or creates it, so admins can type a brand name on a product. */
    UUID brandNamed(Connection connection, String name) throws SQLException {
        String trimmed = name.strip();
        Optional<UUID> existing = brandId(connection, trimmed);
        if (existing.isPresent()) {
            return existing.get();
        }
        String slug = Slugs.choose(connection, "brand", null, trimmed, null);
        try (var insert = connection.prepareStatement(
                "insert into brand (id, slug, name) values (?, ?, ?) on conflict do nothing")) {
            insert.setObject(1, UUID.randomUUID());
            insert.setString(2, slug);
            insert.setString(3, trimmed);
            insert.executeUpdate();
        }
        return brandId(connection, trimmed)
                .orElseThrow(() -> ProblemException.conflict(
                        "BRAND_CONFLICT", "Brand '" + trimmed + "' is being created concurrently; try again."));
    }

    private static Optional<UUID> brandId(Connection connection, String name) throws SQLException {
        try (var select = connection.prepareStatement("select id from brand where lower(name) = lower(?)")) {
            select.setString(1, name);
            try (var rows = select.executeQuery()) {
                return rows.next() ? Optional.of(rows.getObject(1, UUID.class)) : Optional.empty();
            }
        }
    }

    AdminProduct load(Connection connection, UUID id) throws SQLException {
        try (var select = connection.prepareStatement("select p.*, b.slug as brand_slug, b.name as brand_name"
                + " from product p left join brand b on b.id = p.brand_id where p.id = ?")) {
            select.setObject(1, id);
            try (var rows = select.executeQuery()) {
                if (!rows.next()) {
                    throw notFound();
                }
                return new AdminProduct(
                        id,
                        rows.getString("slug"),
                        rows.getString("name"),
                        rows.getString("description"),
                        brand(rows),
                        rows.getString("status"),
                        readObject(rows.getString("attributes")),
                        rows.getString("seo_title"),
                        rows.getString("seo_description"),
                        rows.getString("currency"),
                        (Long) rows.getObject("min_price_minor"),
                        (Long) rows.getObject("max_price_minor"),
                        new Rating(rows.getBigDecimal("rating_avg"), rows.getInt("rating_count")),
                        rows.getLong("sold_count"),
                        categories(connection, id),
                        adminVariants(connection, id),
                        images(connection, id),
                        instant(rows, "created_at"),
                        instant(rows, "updated_at"),
                        instant(rows, "published_at"));
            }
        }
    }

    private List<AdminVariant> adminVariants(Connection connection, UUID productId) throws SQLException {
        try (var select = connection.prepareStatement("select v.*, coalesce(s.on_hand, 0) on_hand,"
                + " coalesce(s.reserved, 0) reserved from variant v left join stock s on s.variant_id = v.id"
                + " where v.product_id = ? order by v.position, v.created_at, v.id")) {
            select.setObject(1, productId);
            try (var rows = select.executeQuery()) {
                var variants = new ArrayList<AdminVariant>();
                while (rows.next()) {
                    variants.add(new AdminVariant(
                            rows.getObject("id", UUID.class),
                            rows.getString("sku"),
                            readStrings(rows.getString("options")),
                            rows.getLong("price_minor"),
                            (Long) rows.getObject("compare_at_price_minor"),
                            (Integer) rows.getObject("weight_grams"),
                            rows.getInt("position"),
                            rows.getBoolean("active"),
                            rows.getInt("on_hand"),
                            rows.getInt("reserved")));
                }
                return variants;
            }
        }
    }

    List<CategoryRef> categories(Connection connection, UUID productId) throws SQLException {
        try (var select =
                connection.prepareStatement("select c.id, c.parent_id, c.slug, c.name from product_category pc"
                        + " join category c on c.id = pc.category_id where pc.product_id = ? order by c.path")) {
            select.setObject(1, productId);
            try (var rows = select.executeQuery()) {
                var categories = new ArrayList<CategoryRef>();
                while (rows.next()) {
                    categories.add(new CategoryRef(
                            rows.getObject(1, UUID.class),
                            rows.getObject(2, UUID.class),
                            rows.getString(3),
                            rows.getString(4)));
                }
                return categories;
            }
        }
    }

    List<Image> images(Connection connection, UUID productId) throws SQLException {
        try (var select = connection.prepareStatement("select id, variant_id, storage_key, alt, width, height"
                + " from product_image where product_id = ? order by position, created_at, id")) {
            select.setObject(1, productId);
            try (var rows = select.executeQuery()) {
                var images = new ArrayList<Image>();
                while (rows.next()) {
                    images.add(new Image(
                            rows.getObject(1, UUID.class),
                            rows.getObject(2, UUID.class),
                            storage.urlFor(rows.getString(3)),
                            rows.getString(4),
                            (Integer) rows.getObject(5),
                            (Integer) rows.getObject(6)));
                }
                return images;
            }
        }
    }

    String imageUrl(String key) {
        return key == null ? null : storage.urlFor(key);
    }

    static BrandRef brand(ResultSet rows) throws SQLException {
        UUID brandId = rows.getObject("brand_id", UUID.class);
        return brandId == null
                ? null
                : new BrandRef(brandId, rows.getString("brand_slug"), rows.getString("brand_name"));
    }

    String toJson(Object value) {
        try {
            return json.writeValueAsString(value == null ? Map.of() : value);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }

    Map<String, Object> readObject(String text) {
        try {
            return text == null ? Map.of() : json.readValue(text, OBJECT);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }

    Map<String, String> readStrings(String text) {
        try {
            return text == null ? Map.of() : json.readValue(text, STRINGS);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }

    static Instant instant(ResultSet rows, String column) throws SQLException {
        OffsetDateTime value = rows.getObject(column, OffsetDateTime.class);
        return value == null ? null : value.toInstant();
    }

    static Instant instant(ResultSet rows, int column) throws SQLException {
        OffsetDateTime value = rows.getObject(column, OffsetDateTime.class);
        return value == null ? null : value.toInstant();
    }

    static ProblemException notFound() {
        return ProblemException.notFound("PRODUCT_NOT_FOUND", "No such product.");
    }

    /** The unique constraints an admin can run into, as the problems they mean. */
    static RuntimeException mapUnique(SQLException e) {
        if (Jdbc.isUniqueViolation(e, "variant_sku_key") || Jdbc.isUniqueViolation(e, "stock_sku_key")) {
            return ProblemException.conflict("SKU_TAKEN", "Another variant already has this SKU.");
        }
        if (Jdbc.isUniqueViolation(e, "product_slug_key")) {
            return ProblemException.conflict("SLUG_TAKEN", "Another product already has this slug.");
        }
        return new IllegalStateException(e);
    }
}
