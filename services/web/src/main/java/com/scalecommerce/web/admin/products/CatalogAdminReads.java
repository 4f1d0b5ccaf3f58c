package com.scalecommerce.web.admin.products;

import com.scalecommerce.web.admin.AdminReads;
import com.scalecommerce.web.admin.products.CatalogAdminModels.BrandRef;
import com.scalecommerce.web.admin.products.CatalogAdminModels.CategoryNode;
import com.scalecommerce.web.admin.products.CatalogAdminModels.Product;
import com.scalecommerce.web.admin.products.CatalogAdminModels.ProductPage;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.List;
import java.util.UUID;
import org.eclipse.microprofile.rest.client.inject.RestClient;

/** Products' admin catalog API, read: the admin's read policy, {@link AdminReads}. */
@ApplicationScoped
public class CatalogAdminReads extends AdminReads {

    private final CatalogAdminApi products;

    CatalogAdminReads(@RestClient CatalogAdminApi products) {
        this.products = products;
    }

    public ProductPage products(String bearer, String q, String status, String cursor, int limit) {
        return products.products(bearer, q, status, cursor, limit);
    }

    public Product product(String bearer, UUID id) {
        return products.product(bearer, id);
    }

    public List<BrandRef> brands(String bearer) {
        return products.brands(bearer);
    }

    public List<CategoryNode> categories(String bearer) {
        return products.categories(bearer);
    }
}
