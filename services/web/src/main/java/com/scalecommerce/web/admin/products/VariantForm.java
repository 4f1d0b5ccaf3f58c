package com.scalecommerce.web.admin.products;

import com.scalecommerce.web.admin.forms.FormValues;
import com.scalecommerce.web.admin.products.CatalogAdminModels.Variant;
import com.scalecommerce.web.admin.products.CatalogAdminModels.VariantInput;
import org.jboss.resteasy.reactive.RestForm;

/** One variant as typed: price as "19.99" in the product's currency, options as "name: value" lines. */
public class VariantForm {

    @RestForm
    public String sku;

    @RestForm
    public String price;

    @RestForm
    public String compareAtPrice;

    @RestForm
    public String weightGrams;

    @RestForm
    public String options;

    @RestForm
    public String position;

    /** A checkbox: present ("true") when ticked, absent when not. */
    @RestForm
    public String active;

    public static VariantForm blank() {
        var form = new VariantForm();
        form.active = "true";
        return form;
    }

    public static VariantForm of(Variant variant, String currency) {
        var form = new VariantForm();
        form.sku = variant.sku();
        form.price = FormValues.amount(variant.priceMinor(), currency);
        form.compareAtPrice = FormValues.amount(variant.compareAtPriceMinor(), currency);
        form.weightGrams =
                variant.weightGrams() == null ? "" : variant.weightGrams().toString();
        form.options = FormValues.lines(variant.options());
        form.position = Integer.toString(variant.position());
        form.active = variant.active() ? "true" : null;
        return form;
    }

    public boolean isActive() {
        return active != null;
    }

    /** {@code prefix} names the fields as products would ("variants[0]." for a new product's first variant). */
    VariantInput toInput(FormValues values, String currency, String prefix) {
        Long priceMinor = values.money(prefix + "priceMinor", price, currency);
        if (FormValues.text(price) == null) {
            values.reject(prefix + "priceMinor", "is required");
        }
        return new VariantInput(
                values.required(prefix + "sku", sku),
                values.pairs(prefix + "options", options),
                priceMinor,
                values.money(prefix + "compareAtPriceMinor", compareAtPrice, currency),
                values.integer(prefix + "weightGrams", weightGrams),
                isActive(),
                values.integer(prefix + "position", position));
    }
}
