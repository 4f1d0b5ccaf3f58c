package com.scalecommerce.web.admin.products;

import com.scalecommerce.web.admin.forms.FormProblem;
import com.scalecommerce.web.admin.products.CatalogAdminModels.BrandRef;
import com.scalecommerce.web.admin.products.CatalogAdminModels.CategoryChoice;
import com.scalecommerce.web.admin.products.CatalogAdminModels.Image;
import com.scalecommerce.web.admin.products.CatalogAdminModels.Product;
import com.scalecommerce.web.admin.products.CatalogAdminModels.ProductSummary;
import com.scalecommerce.web.admin.products.CatalogAdminModels.Variant;
import io.quarkus.qute.CheckedTemplate;
import io.quarkus.qute.TemplateInstance;
import java.util.List;

/** The catalog's admin pages (templates/admin/products/*.html, each inside templates/admin/layout.html). */
@CheckedTemplate(basePath = "admin/products")
class AdminProductPages {

    private AdminProductPages() {}

    static native TemplateInstance list(ListView view);

    static native TemplateInstance create(CreateView view);

    static native TemplateInstance edit(EditView view);

    static native TemplateInstance categories(CategoriesView view);

    /** {@code q} and {@code status} as filtered; {@code firstPage} set when this is not the first page. */
    record ListView(
            List<ProductSummary> products, String q, String status, String firstPage, String nextPage, String flash) {

        public boolean filtered() {
            return q != null || status != null;
        }
    }

    record CreateView(
            String csrf,
            ProductForm product,
            VariantForm variant,
            List<CategoryChoice> categories,
            List<BrandRef> brands,
            FormProblem problem) {}

    /**
     * The edit page. {@code fields}, {@code variants} and {@code newVariant} hold the product's values, or what
     * the admin typed into the form that was not accepted ({@code problem}).
     */
    record EditView(
            String csrf,
            Product product,
            ProductForm fields,
            List<VariantRow> variants,
            VariantForm newVariant,
            List<CategoryChoice> categories,
            List<BrandRef> brands,
            String flash,
            FormProblem problem) {}

    record VariantRow(Variant variant, VariantForm form, List<Image> images) {

        public int available() {
            return variant.onHand() - variant.reserved();
        }
    }

    record CategoriesView(
            String csrf,
            List<CategoryChoice> categories,
            String flash,
            FormProblem problem,
            String name,
            String parentId) {}
}
