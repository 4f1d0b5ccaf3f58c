package com.scalecommerce.products.catalog;

import com.scalecommerce.products.catalog.CatalogViews.ProductDetail;
import com.scalecommerce.products.catalog.CatalogViews.Rating;
import com.scalecommerce.products.catalog.CatalogViews.Variant;
import io.agroal.api.AgroalDataSource;
import jakarta.enterprise.context.ApplicationScoped;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

/** The product page: an ACTIVE product by id or slug, with its active variants, images, categories and brand. */
@ApplicationScoped
public class ProductDetails {

    private final AgroalDataSource db;
    private final ProductStore store;

    ProductDetails(AgroalDataSource db, ProductStore store) {
        this.db = db;
        this.store = store;
    }

    public Optional<ProductDetail> find(String idOrSlug) {
        UUID id = parseUuid(idOrSlug);
        if (id == null && !Slugs.isValid(idOrSlug)) {
            return Optional.empty();
        }
        try (var connection = db.getConnection();
                var select = connection.prepareStatement("select p.*, b.slug brand_slug, b.name brand_name"
                        + " from product p left join brand b on b.id = p.brand_id"
                        + " where p.status = 'ACTIVE' and " + (id == null ? "p.slug = ?" : "p.id = ?"))) {
            select.setObject(1, id == null ? idOrSlug : id);
            try (var rows = select.executeQuery()) {
                if (!rows.next()) {
                    return Optional.empty();
                }
                UUID productId = rows.getObject("id", UUID.class);
                List<Variant> variants = variants(connection, productId);
                return Optional.of(new ProductDetail(
                        productId,
                        rows.getString("slug"),
                        rows.getString("name"),
                        rows.getString("description"),
                        ProductStore.brand(rows),
                        store.readObject(rows.getString("attributes")),
                        rows.getString("seo_title"),
                        rows.getString("seo_description"),
                        rows.getString("currency"),
                        (Long) rows.getObject("min_price_minor"),
                        (Long) rows.getObject("max_price_minor"),
                        new Rating(rows.getBigDecimal("rating_avg"), rows.getInt("rating_count")),
                        variants.stream().anyMatch(Variant::available),
                        store.categories(connection, productId),
                        variants,
                        store.images(connection, productId),
                        ProductStore.instant(rows, "published_at")));
            }
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }

    private List<Variant> variants(Connection connection, UUID productId) throws SQLException {
        try (var select = connection.prepareStatement("select v.id, v.sku, v.options, v.price_minor,"
                + " v.compare_at_price_minor, v.weight_grams, coalesce(s.on_hand > s.reserved, false) available"
                + " from variant v left join stock s on s.variant_id = v.id"
                + " where v.product_id = ? and v.active order by v.position, v.created_at, v.id")) {
            select.setObject(1, productId);
            try (var rows = select.executeQuery()) {
                var variants = new ArrayList<Variant>();
                while (rows.next()) {
                    variants.add(new Variant(
                            rows.getObject(1, UUID.class),
                            rows.getString(2),
                            store.readStrings(rows.getString(3)),
                            rows.getLong(4),
                            (Long) rows.getObject(5),
                            (Integer) rows.getObject(6),
                            rows.getBoolean(7)));
                }
                return variants;
            }
        }
    }

    private static UUID parseUuid(String text) {
        if (text.length() != 36) {
            return null;
        }
        try {
            return UUID.fromString(text);
        } catch (IllegalArgumentException e) {
            return null;
        }
    }
}
