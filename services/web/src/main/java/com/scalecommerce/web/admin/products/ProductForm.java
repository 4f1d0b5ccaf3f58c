package com.scalecommerce.web.admin.products;

import com.scalecommerce.web.admin.forms.FormValues;
import com.scalecommerce.web.admin.products.CatalogAdminModels.CategoryRef;
import com.scalecommerce.web.admin.products.CatalogAdminModels.NewProduct;
import com.scalecommerce.web.admin.products.CatalogAdminModels.Product;
import com.scalecommerce.web.admin.products.CatalogAdminModels.ProductChange;
import com.scalecommerce.web.admin.products.CatalogAdminModels.VariantInput;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.regex.Pattern;
import org.jboss.resteasy.reactive.RestForm;

/**
 * The product's own fields as the admin typed them: the form is shown again exactly so when something is not
 * accepted. Attributes are "name: value" lines; a value that is a number or true/false is sent as one (so it can
 * be a range or yes/no facet), and "a, b" is a list.
 */
public class ProductForm {

    private static final Pattern NUMBER = Pattern.compile("-?\\d{1,15}(\\.\\d{1,6})?");

    @RestForm
    public String name;

    @RestForm
    public String slug;

    @RestForm
    public String description;

    @RestForm
    public String brand;

    @RestForm
    public String status;

    @RestForm
    public String currency;

    @RestForm
    public String attributes;

    @RestForm
    public String seoTitle;

    @RestForm
    public String seoDescription;

    @RestForm("categoryId")
    public List<String> categoryIds;

    public static ProductForm blank() {
        var form = new ProductForm();
        form.status = "DRAFT";
        form.currency = "USD";
        return form;
    }

    public static ProductForm of(Product product) {
        var form = new ProductForm();
        form.name = product.name();
        form.slug = product.slug();
        form.description = product.description();
        form.brand = product.brand() == null ? null : product.brand().name();
        form.status = product.status();
        form.currency = product.currency();
        form.attributes = FormValues.lines(product.attributes());
        form.seoTitle = product.seoTitle();
        form.seoDescription = product.seoDescription();
        form.categoryIds = product.categories() == null
                ? List.of()
                : product.categories().stream()
                        .map(CategoryRef::id)
                        .map(UUID::toString)
                        .toList();
        return form;
    }

    public boolean hasCategory(UUID id) {
        return categoryIds != null && id != null && categoryIds.contains(id.toString());
    }

    public boolean hasStatus(String value) {
        return value.equals(status);
    }

    /** The currency prices are typed in: the product's, USD until one is chosen. */
    public String priceCurrency() {
        String c = FormValues.text(currency);
        return c == null ? "USD" : c.toUpperCase(java.util.Locale.ROOT);
    }

    NewProduct toNewProduct(FormValues values, VariantForm firstVariant) {
        VariantInput variant = firstVariant.toInput(values, priceCurrency(), "variants[0].");
        return new NewProduct(
                values.required("name", name),
                FormValues.text(slug),
                description == null ? "" : description,
                FormValues.text(brand),
                FormValues.text(status),
                attributes(values),
                FormValues.text(seoTitle),
                FormValues.text(seoDescription),
                priceCurrency(),
                categories(values),
                List.of(variant));
    }

    ProductChange toChange(FormValues values) {
        return new ProductChange(
                values.required("name", name),
                FormValues.text(slug),
                description == null ? "" : description,
                FormValues.text(brand),
                FormValues.text(status),
                attributes(values),
                FormValues.text(seoTitle),
                FormValues.text(seoDescription),
                priceCurrency(),
                categories(values));
    }

    private Map<String, Object> attributes(FormValues values) {
        var typed = new LinkedHashMap<String, Object>();
        values.pairs("attributes", attributes).forEach((key, value) -> typed.put(key, typed(value)));
        return typed;
    }

    private static Object typed(String value) {
        if (value.contains(",")) {
            return Arrays.stream(value.split(","))
                    .map(String::strip)
                    .filter(v -> !v.isEmpty())
                    .map(ProductForm::scalar)
                    .toList();
        }
        return scalar(value);
    }

    private static Object scalar(String value) {
        if (value.equalsIgnoreCase("true") || value.equalsIgnoreCase("false")) {
            return Boolean.valueOf(value.toLowerCase(java.util.Locale.ROOT));
        }
        if (NUMBER.matcher(value).matches()) {
            BigDecimal number = new BigDecimal(value);
            return number.scale() <= 0 ? (Object) number.longValueExact() : number;
        }
        return value;
    }

    private List<UUID> categories(FormValues values) {
        var ids = new ArrayList<UUID>();
        if (categoryIds == null) {
            return ids;
        }
        for (String id : Set.copyOf(categoryIds)) {
            try {
                ids.add(UUID.fromString(id));
            } catch (IllegalArgumentException e) {
                values.reject("categoryIds", "holds a value that is not a category");
            }
        }
        return ids;
    }
}
