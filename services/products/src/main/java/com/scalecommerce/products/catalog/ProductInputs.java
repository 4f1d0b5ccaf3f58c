package com.scalecommerce.products.catalog;

import com.scalecommerce.platform.web.problem.Problem;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.PositiveOrZero;
import jakarta.validation.constraints.Size;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/** What admins send. Attributes and options are checked here beyond what annotations can say. */
public final class ProductInputs {

    static final String STATUS = "DRAFT|ACTIVE|ARCHIVED";
    static final String SKU = "[A-Za-z0-9][A-Za-z0-9._-]{0,63}";
    // Attribute names appear in shopper URLs (attr.color=red), so they stay URL-safe.
    static final java.util.regex.Pattern ATTRIBUTE_NAME = java.util.regex.Pattern.compile("[A-Za-z0-9_-]{1,50}");

    private ProductInputs() {}

    public record NewProduct(
            @NotBlank @Size(max = 200) String name,

            @Size(max = 120) @Pattern(regexp = Slugs.PATTERN, message = "must be lower-case words joined by dashes")
            String slug,

            @Size(max = 20000) String description,
            @Size(max = 120) String brand,

            @Pattern(regexp = STATUS, message = "must be DRAFT, ACTIVE or ARCHIVED")
            String status,

            Map<String, Object> attributes,
            @Size(max = 200) String seoTitle,
            @Size(max = 500) String seoDescription,

            @Pattern(regexp = "[A-Z]{3}", message = "must be an ISO 4217 code such as USD")
            String currency,

            @Size(max = 50) List<@NotNull UUID> categoryIds,
            @Size(max = 250) List<@Valid @NotNull VariantInput> variants) {}

    /** A full replacement of the product's own fields; variants and images have their own endpoints. */
    public record ProductChange(
            @NotBlank @Size(max = 200) String name,

            @Size(max = 120) @Pattern(regexp = Slugs.PATTERN, message = "must be lower-case words joined by dashes")
            String slug,

            @Size(max = 20000) String description,
            @Size(max = 120) String brand,

            @Pattern(regexp = STATUS, message = "must be DRAFT, ACTIVE or ARCHIVED")
            String status,

            Map<String, Object> attributes,
            @Size(max = 200) String seoTitle,
            @Size(max = 500) String seoDescription,

            @Pattern(regexp = "[A-Z]{3}", message = "must be an ISO 4217 code such as USD")
            String currency,

            @Size(max = 50) List<@NotNull UUID> categoryIds) {}

    public record VariantInput(
            @NotBlank @Pattern(regexp = SKU, message = "must be 1-64 letters, digits, dots, dashes or underscores")
            String sku,

            Map<String, String> options,
            @NotNull @PositiveOrZero Long priceMinor,
            @PositiveOrZero Long compareAtPriceMinor,
            @PositiveOrZero Integer weightGrams,
            Boolean active,
            @PositiveOrZero Integer position) {}

    /** Attribute values are scalars (text, number, boolean) or lists of them, so they can be facets. */
    static List<Problem.FieldError> attributeErrors(Map<String, Object> attributes, String field) {
        var errors = new ArrayList<Problem.FieldError>();
        if (attributes == null) {
            return errors;
        }
        if (attributes.size() > 50) {
            errors.add(new Problem.FieldError(field, "may hold at most 50 attributes"));
        }
        attributes.forEach((name, value) -> {
            if (!ATTRIBUTE_NAME.matcher(name).matches()) {
                errors.add(new Problem.FieldError(
                        field + "." + name, "names must be 1-50 letters, digits, dashes or underscores"));
            } else if (!(isScalar(value)
                    || value instanceof Collection<?> list
                            && list.size() <= 50
                            && list.stream().allMatch(ProductInputs::isScalar))) {
                errors.add(new Problem.FieldError(
                        field + "." + name, "must be text, a number, true/false or a list of those"));
            }
        });
        return errors;
    }

    static List<Problem.FieldError> optionErrors(Map<String, String> options, String field) {
        var errors = new ArrayList<Problem.FieldError>();
        if (options == null) {
            return errors;
        }
        if (options.size() > 10) {
            errors.add(new Problem.FieldError(field, "may hold at most 10 options"));
        }
        options.forEach((name, value) -> {
            if (name.isBlank() || name.length() > 50 || value == null || value.isBlank() || value.length() > 100) {
                errors.add(new Problem.FieldError(
                        field + "." + name, "names (up to 50) and values (up to 100 characters) must not be blank"));
            }
        });
        return errors;
    }

    private static boolean isScalar(Object value) {
        return value instanceof String s && s.length() <= 200 || value instanceof Number || value instanceof Boolean;
    }
}
