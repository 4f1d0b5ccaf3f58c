package com.scalecommerce.products.catalog;

import com.scalecommerce.platform.web.paging.Page;
import com.scalecommerce.platform.web.problem.Problem;
import com.scalecommerce.platform.web.problem.ProblemException;
import com.scalecommerce.products.catalog.CatalogViews.AdminProduct;
import com.scalecommerce.products.catalog.CatalogViews.AdminProductSummary;
import com.scalecommerce.products.catalog.ProductInputs.NewProduct;
import com.scalecommerce.products.catalog.ProductInputs.ProductChange;
import com.scalecommerce.products.catalog.ProductInputs.VariantInput;
import com.scalecommerce.products.catalog.ProductStore.ProductFields;
import com.scalecommerce.products.catalog.ProductStore.ProductRow;
import com.scalecommerce.products.catalog.ProductStore.VariantFields;
import com.scalecommerce.products.category.Categories;
import com.scalecommerce.products.media.ImageUploads.StoredUpload;
import com.scalecommerce.products.search.TextSearch;
import io.agroal.api.AgroalDataSource;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.Base64;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * What admins do to products: create, edit, publish, archive, delete drafts, manage variants and images. Each
 * change is one transaction that also keeps the listing columns (price range) current, writes its event to the
 * outbox and invalidates the read cache after commit.
 *
 * <p>Rules: an ACTIVE product always has an active variant; a product that was ever published is archived,
 * never deleted (orders and reviews point at it), and the same holds for its variants; a SKU never changes
 * (the inventory ledger is kept per SKU).
 */
@ApplicationScoped
public class ProductAdministration {

    static final int MAX_PAGE_SIZE = 100;

    private final AgroalDataSource db;
    private final ProductStore store;
    private final ProductEvents events;

    ProductAdministration(AgroalDataSource db, ProductStore store, ProductEvents events) {
        this.db = db;
        this.store = store;
        this.events = events;
    }

    @Transactional
    public AdminProduct create(NewProduct input) {
        List<Problem.FieldError> errors =
                new ArrayList<>(ProductInputs.attributeErrors(input.attributes(), "attributes"));
        List<VariantInput> variants = input.variants() == null ? List.of() : input.variants();
        var skus = new HashSet<String>();
        for (int i = 0; i < variants.size(); i++) {
            errors.addAll(variantErrors(variants.get(i), "variants[" + i + "]"));
            if (!skus.add(variants.get(i).sku())) {
                errors.add(new Problem.FieldError("variants[" + i + "].sku", "appears twice"));
            }
        }
        if (!errors.isEmpty()) {
            throw ProblemException.invalidFields(errors);
        }
        try (var connection = db.getConnection()) {
            List<UUID> categoryIds = input.categoryIds() == null ? List.of() : input.categoryIds();
            Categories.requireExisting(connection, categoryIds, "categoryIds");
            UUID id = UUID.randomUUID();
            String slug = Slugs.choose(connection, "product", input.slug(), input.name(), null);
            store.insert(
                    connection,
                    id,
                    new ProductFields(
                            input.name().strip(),
                            slug,
                            input.description() == null ? "" : input.description(),
                            brandOf(connection, input.brand()),
                            input.status() == null ? "DRAFT" : input.status(),
                            input.attributes(),
                            input.seoTitle(),
                            input.seoDescription(),
                            input.currency() == null ? "USD" : input.currency()));
            store.replaceCategories(connection, id, categoryIds);
            for (VariantInput variant : variants) {
                store.insertVariant(connection, id, fields(variant));
            }
            return finish(connection, id, ProductEvents.CREATED);
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }

    @Transactional
    public AdminProduct update(UUID id, ProductChange input) {
        List<Problem.FieldError> errors = ProductInputs.attributeErrors(input.attributes(), "attributes");
        if (!errors.isEmpty()) {
            throw ProblemException.invalidFields(errors);
        }
        try (var connection = db.getConnection()) {
            ProductRow current = store.lock(connection, id);
            AdminProduct before = store.load(connection, id);
            List<UUID> categoryIds = input.categoryIds() == null ? List.of() : input.categoryIds();
            Categories.requireExisting(connection, categoryIds, "categoryIds");
            // A rename keeps the URL: the slug changes only when the admin sends a new one.
            String slug = input.slug() == null || input.slug().equals(current.slug())
                    ? current.slug()
                    : Slugs.choose(connection, "product", input.slug(), input.name(), id);
            store.update(
                    connection,
                    id,
                    new ProductFields(
                            input.name().strip(),
                            slug,
                            input.description() == null ? "" : input.description(),
                            brandOf(connection, input.brand()),
                            input.status() == null ? current.status() : input.status(),
                            input.attributes(),
                            input.seoTitle(),
                            input.seoDescription(),
                            input.currency() == null ? before.currency() : input.currency()));
            store.replaceCategories(connection, id, categoryIds);
            return finish(connection, id, ProductEvents.UPDATED);
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }

    /** Archiving hides the product from shoppers and keeps it for orders and reviews; it is an update. */
    @Transactional
    public AdminProduct archive(UUID id) {
        try (var connection = db.getConnection()) {
            store.lock(connection, id);
            store.setStatus(connection, id, "ARCHIVED");
            return finish(connection, id, ProductEvents.UPDATED);
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }

    @Transactional
    public void delete(UUID id) {
        try (var connection = db.getConnection()) {
            ProductRow row = store.lock(connection, id);
            if (!row.status().equals("DRAFT") || row.everPublished()) {
                throw ProblemException.conflict(
                        "PRODUCT_WAS_PUBLISHED", "Only drafts that were never published can be deleted; archive it.");
            }
            AdminProduct product = store.load(connection, id);
            try (var delete = connection.prepareStatement("delete from product where id = ?")) {
                delete.setObject(1, id);
                delete.executeUpdate();
            } catch (SQLException e) {
                if (Jdbc.isForeignKeyViolation(e)) {
                    throw ProblemException.conflict(
                            "PRODUCT_IN_USE", "Other records refer to this product; archive it.");
                }
                throw e;
            }
            events.deleted(product);
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }

    @Transactional
    public AdminProduct addVariant(UUID productId, VariantInput input) {
        var errors = variantErrors(input, "");
        if (!errors.isEmpty()) {
            throw ProblemException.invalidFields(errors);
        }
        try (var connection = db.getConnection()) {
            store.lock(connection, productId);
            store.insertVariant(connection, productId, fields(input));
            store.touch(connection, productId);
            return finish(connection, productId, ProductEvents.UPDATED);
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }

    @Transactional
    public AdminProduct updateVariant(UUID productId, UUID variantId, VariantInput input) {
        var errors = variantErrors(input, "");
        if (!errors.isEmpty()) {
            throw ProblemException.invalidFields(errors);
        }
        try (var connection = db.getConnection()) {
            store.lock(connection, productId);
            String sku =
                    store.variantSku(connection, productId, variantId).orElseThrow(ProductAdministration::noVariant);
            if (!sku.equals(input.sku())) {
                throw ProblemException.invalidField("sku", "cannot change; add a new variant instead");
            }
            store.updateVariant(connection, variantId, fields(input));
            store.touch(connection, productId);
            return finish(connection, productId, ProductEvents.UPDATED);
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }

    @Transactional
    public AdminProduct deleteVariant(UUID productId, UUID variantId) {
        try (var connection = db.getConnection()) {
            ProductRow row = store.lock(connection, productId);
            store.variantSku(connection, productId, variantId).orElseThrow(ProductAdministration::noVariant);
            if (row.everPublished()) {
                throw ProblemException.conflict(
                        "VARIANT_WAS_PUBLISHED", "Variants of a published product are deactivated, not deleted.");
            }
            try (var delete = connection.prepareStatement("delete from variant where id = ?")) {
                delete.setObject(1, variantId);
                delete.executeUpdate();
            } catch (SQLException e) {
                if (Jdbc.isForeignKeyViolation(e)) {
                    throw ProblemException.conflict("VARIANT_IN_USE", "Other records refer to this variant.");
                }
                throw e;
            }
            store.touch(connection, productId);
            return finish(connection, productId, ProductEvents.UPDATED);
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }

    @Transactional
    public AdminProduct addImage(UUID productId, StoredUpload upload, String alt, UUID variantId) {
        if (alt != null && alt.length() > 300) {
            throw ProblemException.invalidField("alt", "must be at most 300 characters");
        }
        try (var connection = db.getConnection()) {
            store.lock(connection, productId);
            if (variantId != null
                    && store.variantSku(connection, productId, variantId).isEmpty()) {
                throw ProblemException.invalidField("variantId", "is not a variant of this product");
            }
            store.insertImage(connection, productId, variantId, upload.key(), alt, upload.width(), upload.height());
            store.touch(connection, productId);
            return finish(connection, productId, ProductEvents.UPDATED);
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }

    /** The stored bytes stay: other products may show the same picture under the same content hash. */
    @Transactional
    public AdminProduct deleteImage(UUID productId, UUID imageId) {
        try (var connection = db.getConnection()) {
            store.lock(connection, productId);
            if (!store.deleteImage(connection, productId, imageId)) {
                throw ProblemException.notFound("IMAGE_NOT_FOUND", "No such image on this product.");
            }
            store.touch(connection, productId);
            return finish(connection, productId, ProductEvents.UPDATED);
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }

    public AdminProduct get(UUID id) {
        try (var connection = db.getConnection()) {
            return store.load(connection, id);
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }

    /** Every status, newest first; {@code q} matches the name, the slug or a SKU exactly. */
    public Page<AdminProductSummary> list(String q, String status, String cursor, int limit) {
        int size = Math.clamp(limit, 1, MAX_PAGE_SIZE);
        String[] after = cursor == null || cursor.isBlank() ? null : decodeCursor(cursor);
        String query = q == null || q.isBlank() ? null : q.strip();
        String sql = "select p.id, p.slug, p.name, p.status, b.name brand_name, p.min_price_minor, p.max_price_minor,"
                + " p.currency, (select count(*) from variant v where v.product_id = p.id) variant_count,"
                + " p.updated_at, p.created_at::text created_key"
                + " from product p left join brand b on b.id = p.brand_id"
                + " where (?::text is null or p.status = ?)"
                + " and (?::text is null or products_fold(p.name) like '%' || products_fold(?) || '%' escape '\\'"
                + " or p.slug = ? or exists (select 1 from variant v where v.product_id = p.id and v.sku = ?))"
                + " and (?::text is null or (p.created_at, p.id) < (?::timestamptz, ?::uuid))"
                + " order by p.created_at desc, p.id desc limit ?";
        try (var connection = db.getConnection();
                var select = connection.prepareStatement(sql)) {
            String like = query == null ? null : TextSearch.escapeLike(query);
            Jdbc.bind(
                    select,
                    java.util.Arrays.asList(
                            status,
                            status,
                            query,
                            like,
                            query,
                            query,
                            after == null ? null : after[0],
                            after == null ? null : after[0],
                            after == null ? null : after[1],
                            size + 1));
            var items = new ArrayList<AdminProductSummary>();
            String lastKey = null;
            String next = null;
            try (var rows = select.executeQuery()) {
                while (rows.next()) {
                    if (items.size() == size) {
                        next = encodeCursor(lastKey, items.getLast().id());
                        break;
                    }
                    items.add(new AdminProductSummary(
                            rows.getObject("id", UUID.class),
                            rows.getString("slug"),
                            rows.getString("name"),
                            rows.getString("status"),
                            rows.getString("brand_name"),
                            (Long) rows.getObject("min_price_minor"),
                            (Long) rows.getObject("max_price_minor"),
                            rows.getString("currency"),
                            rows.getInt("variant_count"),
                            ProductStore.instant(rows, "updated_at")));
                    lastKey = rows.getString("created_key");
                }
            }
            return new Page<>(items, next);
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }

    /** Recomputes the listing columns, checks the product is still consistent, and publishes the change. */
    AdminProduct finish(Connection connection, UUID id, String eventType) throws SQLException {
        store.refreshPrices(connection, id);
        store.requireSellableIfActive(connection, id);
        AdminProduct product = store.load(connection, id);
        events.changed(eventType, product);
        return product;
    }

    private UUID brandOf(Connection connection, String brand) throws SQLException {
        return brand == null || brand.isBlank() ? null : store.brandNamed(connection, brand);
    }

    static VariantFields fields(VariantInput v) {
        return new VariantFields(
                v.sku(),
                v.options() == null ? Map.of() : v.options(),
                v.priceMinor(),
                v.compareAtPriceMinor(),
                v.weightGrams(),
                v.active() == null || v.active(),
                v.position());
    }

    static List<Problem.FieldError> variantErrors(VariantInput v, String prefix) {
        String at = prefix.isEmpty() ? "" : prefix + ".";
        var errors = new ArrayList<>(ProductInputs.optionErrors(v.options(), at + "options"));
        if (v.compareAtPriceMinor() != null && v.priceMinor() != null && v.compareAtPriceMinor() <= v.priceMinor()) {
            errors.add(new Problem.FieldError(at + "compareAtPriceMinor", "must be above the price"));
        }
        return errors;
    }

    private static ProblemException noVariant() {
        return ProblemException.notFound("VARIANT_NOT_FOUND", "No such variant on this product.");
    }

    private static String encodeCursor(String createdAt, UUID id) {
        return Base64.getUrlEncoder()
                .withoutPadding()
                .encodeToString((createdAt + "|" + id).getBytes(StandardCharsets.UTF_8));
    }

    private static String[] decodeCursor(String cursor) {
        try {
            String[] parts = new String(Base64.getUrlDecoder().decode(cursor), StandardCharsets.UTF_8).split("\\|", 2);
            UUID.fromString(parts[1]);
            java.time.OffsetDateTime.parse(parts[0].replace(' ', 'T').replaceAll("([+-]\\d\\d)$", "$1:00"));
            return parts;
        } catch (RuntimeException e) {
            throw ProblemException.invalidField("cursor", "is not a cursor this API returned");
        }
    }
}
