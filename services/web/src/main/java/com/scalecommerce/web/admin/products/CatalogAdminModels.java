package com.scalecommerce.web.admin.products;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/** What the products service's admin catalog API answers and takes (its CatalogViews and ProductInputs). */
public final class CatalogAdminModels {

    private CatalogAdminModels() {}

    @JsonIgnoreProperties(ignoreUnknown = true)
    public record ProductSummary(
            UUID id,
            String slug,
            String name,
            String status,
            String brandName,
            Long minPriceMinor,
            Long maxPriceMinor,
            String currency,
            int variantCount,
            Instant updatedAt) {}

    @JsonIgnoreProperties(ignoreUnknown = true)
    public record ProductPage(List<ProductSummary> items, String nextCursor) {}

    @JsonIgnoreProperties(ignoreUnknown = true)
    public record BrandRef(UUID id, String slug, String name) {}

    @JsonIgnoreProperties(ignoreUnknown = true)
    public record CategoryRef(UUID id, UUID parentId, String slug, String name) {}

    @JsonIgnoreProperties(ignoreUnknown = true)
    public record Image(UUID id, UUID variantId, String url, String alt, Integer width, Integer height) {}

    @JsonIgnoreProperties(ignoreUnknown = true)
    public record Variant(
            UUID id,
            String sku,
            Map<String, String> options,
            long priceMinor,
            Long compareAtPriceMinor,
            Integer weightGrams,
            int position,
            boolean active,
            int onHand,
            int reserved) {}

    @JsonIgnoreProperties(ignoreUnknown = true)
    public record Product(
            UUID id,
            String slug,
            String name,
            String description,
            BrandRef brand,
            String status,
            Map<String, Object> attributes,
            String seoTitle,
            String seoDescription,
            String currency,
            List<CategoryRef> categories,
            List<Variant> variants,
            List<Image> images,
            Instant updatedAt,
            Instant publishedAt) {

        /** The images of one variant (null: the ones every variant shares). */
        public List<Image> imagesOf(UUID variantId) {
            return images == null
                    ? List.of()
                    : images.stream()
                            .filter(i -> variantId == null ? i.variantId() == null : variantId.equals(i.variantId()))
                            .toList();
        }

        public List<Image> sharedImages() {
            return imagesOf(null);
        }

        public boolean isDraft() {
            return "DRAFT".equals(status);
        }

        public boolean isActive() {
            return "ACTIVE".equals(status);
        }

        public boolean isArchived() {
            return "ARCHIVED".equals(status);
        }
    }

    @JsonIgnoreProperties(ignoreUnknown = true)
    public record CategoryNode(
            UUID id,
            UUID parentId,
            String slug,
            String name,
            String description,
            int position,
            long productCount,
            List<CategoryNode> children) {}

    /** A category with its depth in the tree, for an indented list of checkboxes or options. */
    public record CategoryChoice(UUID id, String name, int depth, long productCount) {

        public String indent() {
            return "\u2014 ".repeat(depth);
        }

        public static List<CategoryChoice> flatten(List<CategoryNode> tree) {
            var choices = new ArrayList<CategoryChoice>();
            add(tree, 0, choices);
            return choices;
        }

        private static void add(List<CategoryNode> nodes, int depth, List<CategoryChoice> into) {
            if (nodes == null) {
                return;
            }
            for (CategoryNode node : nodes) {
                into.add(new CategoryChoice(node.id(), node.name(), depth, node.productCount()));
                add(node.children(), depth + 1, into);
            }
        }
    }

    /** POST /api/admin/products: the product with its first variants. */
    public record NewProduct(
            String name,
            String slug,
            String description,
            String brand,
            String status,
            Map<String, Object> attributes,
            String seoTitle,
            String seoDescription,
            String currency,
            List<UUID> categoryIds,
            List<VariantInput> variants) {}

    /** PUT /api/admin/products/{id}: a full replacement of the product's own fields. */
    public record ProductChange(
            String name,
            String slug,
            String description,
            String brand,
            String status,
            Map<String, Object> attributes,
            String seoTitle,
            String seoDescription,
            String currency,
            List<UUID> categoryIds) {

        /** The product as it is, with another status: publishing and unpublishing send everything else unchanged. */
        public static ProductChange withStatus(Product product, String status) {
            return new ProductChange(
                    product.name(),
                    product.slug(),
                    product.description(),
                    product.brand() == null ? null : product.brand().name(),
                    status,
                    product.attributes(),
                    product.seoTitle(),
                    product.seoDescription(),
                    product.currency(),
                    product.categories() == null
                            ? List.of()
                            : product.categories().stream().map(CategoryRef::id).toList());
        }
    }

    public record VariantInput(
            String sku,
            Map<String, String> options,
            Long priceMinor,
            Long compareAtPriceMinor,
            Integer weightGrams,
            Boolean active,
            Integer position) {}

    @JsonIgnoreProperties(ignoreUnknown = true)
    public record Category(UUID id, UUID parentId, String slug, String name) {}

    public record NewCategory(String name, String slug, String description, UUID parentId, Integer position) {}
}
