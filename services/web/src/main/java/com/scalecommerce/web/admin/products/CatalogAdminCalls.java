package com.scalecommerce.web.admin.products;

import com.scalecommerce.web.admin.products.CatalogAdminModels.BrandRef;
import com.scalecommerce.web.admin.products.CatalogAdminModels.Category;
import com.scalecommerce.web.admin.products.CatalogAdminModels.CategoryNode;
import com.scalecommerce.web.admin.products.CatalogAdminModels.NewCategory;
import com.scalecommerce.web.admin.products.CatalogAdminModels.NewProduct;
import com.scalecommerce.web.admin.products.CatalogAdminModels.Product;
import com.scalecommerce.web.admin.products.CatalogAdminModels.ProductChange;
import com.scalecommerce.web.admin.products.CatalogAdminModels.ProductPage;
import com.scalecommerce.web.admin.products.CatalogAdminModels.VariantInput;
import com.scalecommerce.web.http.Refused;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.UUID;
import org.eclipse.microprofile.faulttolerance.CircuitBreaker;
import org.eclipse.microprofile.faulttolerance.Retry;
import org.eclipse.microprofile.faulttolerance.Timeout;
import org.eclipse.microprofile.faulttolerance.exceptions.CircuitBreakerOpenException;
import org.eclipse.microprofile.rest.client.inject.RestClient;

/**
 * The policy around products' admin catalog API. Every call: 10 s and a breaker of its own (on the class). Changes
 * keep that and are not retried (a create repeated after a lost answer would make a second product): they
 * validate, write and re-index; an admin waits for the answer rather than be told to repeat something that may
 * have happened. Reads are GETs: 4 s and one quick retry. Image uploads carry megabytes: 30 s. A {@link Refused}
 * is products' answer about the request: neither retried nor counted by a breaker.
 */
@ApplicationScoped
@Timeout(value = 10, unit = ChronoUnit.SECONDS)
@CircuitBreaker(requestVolumeThreshold = 10, failureRatio = 0.5, delay = 5000, skipOn = Refused.class)
public class CatalogAdminCalls {

    private final CatalogAdminApi products;

    CatalogAdminCalls(@RestClient CatalogAdminApi products) {
        this.products = products;
    }

    @Timeout(value = 4, unit = ChronoUnit.SECONDS)
    @Retry(
            maxRetries = 1,
            delay = 50,
            abortOn = {Refused.class, CircuitBreakerOpenException.class})
    public ProductPage products(String bearer, String q, String status, String cursor, int limit) {
        return products.products(bearer, q, status, cursor, limit);
    }

    @Timeout(value = 4, unit = ChronoUnit.SECONDS)
    @Retry(
            maxRetries = 1,
            delay = 50,
            abortOn = {Refused.class, CircuitBreakerOpenException.class})
    public Product product(String bearer, UUID id) {
        return products.product(bearer, id);
    }

    @Timeout(value = 4, unit = ChronoUnit.SECONDS)
    @Retry(
            maxRetries = 1,
            delay = 50,
            abortOn = {Refused.class, CircuitBreakerOpenException.class})
    public List<BrandRef> brands(String bearer) {
        return products.brands(bearer);
    }

    @Timeout(value = 4, unit = ChronoUnit.SECONDS)
    @Retry(
            maxRetries = 1,
            delay = 50,
            abortOn = {Refused.class, CircuitBreakerOpenException.class})
    public List<CategoryNode> categories(String bearer) {
        return products.categories(bearer);
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
