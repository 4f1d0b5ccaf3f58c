package com.scalecommerce.web.admin.products;

import com.scalecommerce.web.admin.AdminChanges;
import com.scalecommerce.web.admin.products.CatalogAdminModels.Category;
import com.scalecommerce.web.admin.products.CatalogAdminModels.NewCategory;
import com.scalecommerce.web.admin.products.CatalogAdminModels.NewProduct;
import com.scalecommerce.web.admin.products.CatalogAdminModels.Product;
import com.scalecommerce.web.admin.products.CatalogAdminModels.ProductChange;
import com.scalecommerce.web.admin.products.CatalogAdminModels.VariantInput;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.temporal.ChronoUnit;
import java.util.UUID;
import org.eclipse.microprofile.faulttolerance.Timeout;
import org.eclipse.microprofile.rest.client.inject.RestClient;

/**
 * Products' admin catalog API, changed: the admin's change policy, {@link AdminChanges}, so never retried (a
 * create repeated after a lost answer would make a second product). Changes validate, write and re-index; an
 * admin waits for the answer rather than be told to repeat something that may have happened. Image uploads carry
 * megabytes: 30 s.
 */
@ApplicationScoped
public class CatalogAdminChanges extends AdminChanges {

    private final CatalogAdminApi products;

    CatalogAdminChanges(@RestClient CatalogAdminApi products) {
        this.products = products;
    }

    public Product create(String bearer, NewProduct product) {
        return products.create(bearer, product);
    }

    public Product update(String bearer, UUID id, ProductChange change) {
        return products.update(bearer, id, change);
    }

    public Product archive(String bearer, UUID id) {
        return products.archive(bearer, id);
    }

    public Product addVariant(String bearer, UUID id, VariantInput variant) {
        return products.addVariant(bearer, id, variant);
    }

    public Product updateVariant(String bearer, UUID id, UUID variantId, VariantInput variant) {
        return products.updateVariant(bearer, id, variantId, variant);
    }

    @Timeout(value = 30, unit = ChronoUnit.SECONDS)
    public Product uploadImage(String bearer, UUID id, ImageUpload image) {
        return products.uploadImage(bearer, id, image.asForm());
    }

    public Product deleteImage(String bearer, UUID id, UUID imageId) {
        return products.deleteImage(bearer, id, imageId);
    }

    public Category createCategory(String bearer, NewCategory category) {
        return products.createCategory(bearer, category);
    }

    public void deleteCategory(String bearer, UUID id) {
        products.deleteCategory(bearer, id);
    }
}
