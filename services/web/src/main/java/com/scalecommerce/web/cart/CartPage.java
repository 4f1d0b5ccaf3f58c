package com.scalecommerce.web.cart;

import com.scalecommerce.web.cart.CartModels.CartView;
import com.scalecommerce.web.cart.CartModels.Line;
import io.quarkus.qute.TemplateData;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.stream.Collectors;
import java.util.stream.Stream;

/** What the cart page shows: orders' view, prepared so the template only prints. */
@TemplateData
record CartPage(CartView cart, List<LineView> lines, String message, String csrf, List<Country> countries) {

    /** Every assigned ISO 3166-1 country, by English name; orders accepts exactly these. */
    private static final List<Country> COUNTRIES = Stream.of(Locale.getISOCountries())
            .map(code -> new Country(code, Locale.of("", code).getDisplayCountry(Locale.ENGLISH), false))
            .sorted(Comparator.comparing(Country::name))
            .toList();

    static CartPage of(CartView cart, String message, String csrf) {
        String chosen = cart.destination() == null ? null : cart.destination().country();
        var lines = cart.lines() == null
                ? List.<LineView>of()
                : cart.lines().stream().map(LineView::of).toList();
        var countries = COUNTRIES.stream()
                .map(c -> c.code().equals(chosen) ? new Country(c.code(), c.name(), true) : c)
                .toList();
        return new CartPage(cart, lines, message, csrf, countries);
    }

    public boolean empty() {
        return lines.isEmpty();
    }

    public String destinationName() {
        if (cart.destination() == null) {
            return null;
        }
        String name = Locale.of("", cart.destination().country()).getDisplayCountry(Locale.ENGLISH);
        return cart.destination().region() == null
                ? name
                : name + " (" + cart.destination().region() + ")";
    }

    @TemplateData
    record LineView(Line line, String path, String options) {

        static LineView of(Line line) {
            String options = line.options() == null
                    ? ""
                    : line.options().entrySet().stream()
                            .sorted(java.util.Map.Entry.comparingByKey())
                            .map(e -> e.getKey() + ": " + e.getValue())
                            .collect(Collectors.joining(", "));
            // The SKU goes into the form's action path: encoded, so any SKU spelling stays one path segment.
            String path = "/cart/items/"
                    + URLEncoder.encode(line.sku(), StandardCharsets.UTF_8).replace("+", "%20");
            return new LineView(line, path, options);
        }
    }

    @TemplateData
    record Country(String code, String name, boolean selected) {}
}
