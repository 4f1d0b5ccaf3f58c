package com.scalecommerce.orders.cart;

import com.scalecommerce.platform.web.problem.Problem;
import com.scalecommerce.platform.web.problem.ProblemException;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * Where the shopper means to ship the cart, for its shipping and tax estimate: an ISO 3166-1 alpha-2 country
 * and optionally a region, the subdivision part of its ISO 3166-2 code ({@code BY} for {@code DE-BY}). The
 * address itself is checkout's business; the cart keeps only what the estimate needs.
 */
public record CartDestination(String country, String region) {

    // Only assigned codes: "XX" or "UK" (GB's informal name) would price nothing and mislead the shopper.
    private static final Set<String> COUNTRIES = Set.of(Locale.getISOCountries());
    private static final Pattern REGION = Pattern.compile("[A-Z0-9]{1,3}");

    /** Upper-cases and checks what a client sent; a region may carry its country prefix ("DE-BY"). */
    static CartDestination parse(String country, String region) {
        String c = country == null ? null : country.trim().toUpperCase(Locale.ROOT);
        String r = region == null ? "" : region.trim().toUpperCase(Locale.ROOT);
        if (c != null && r.startsWith(c + "-")) {
            r = r.substring(c.length() + 1);
        }
        List<Problem.FieldError> errors = new ArrayList<>();
        if (!isCountry(c)) {
            errors.add(new Problem.FieldError("country", "must be an ISO 3166-1 alpha-2 country code, e.g. DE"));
        }
        if (!r.isEmpty() && !REGION.matcher(r).matches()) {
            errors.add(new Problem.FieldError(
                    "region",
                    "must be the subdivision part of an ISO 3166-2 code (1 to 3 letters or digits), e.g. BY"));
        }
        if (!errors.isEmpty()) {
            throw ProblemException.invalidFields(errors);
        }
        return new CartDestination(c, r.isEmpty() ? null : r);
    }

    static boolean isCountry(String code) {
        return code != null && COUNTRIES.contains(code);
    }

    /** The Redis value: "DE" or "DE BY" (neither part can hold a space). */
    String stored() {
        return region == null ? country : country + " " + region;
    }

    static CartDestination fromStored(String value) {
        if (value == null || value.isBlank()) {
            return null;
        }
        int space = value.indexOf(' ');
        return space < 0
                ? new CartDestination(value, null)
                : new CartDestination(value.substring(0, space), value.substring(space + 1));
    }
}
