package com.scalecommerce.web.account;

import com.scalecommerce.web.account.AccountModels.Address;
import com.scalecommerce.web.account.AccountModels.AddressInput;
import io.quarkus.qute.TemplateData;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.stream.Stream;

/**
 * The add / edit address form: where it posts, the values it shows (users' address, or what the person sent
 * when users refused it), the country choices and the errors. {@code alreadyDefaultShipping} / {@code …Billing}:
 * users keeps a default until another address takes it, so the form says so instead of offering to untick it.
 */
@TemplateData
public record AddressForm(
        String action,
        String heading,
        AddressInput values,
        boolean alreadyDefaultShipping,
        boolean alreadyDefaultBilling,
        List<Country> countries,
        FormErrors errors) {

    static final Map<String, String> FIELDS = Map.of(
            "label", "Label",
            "recipientName", "Recipient",
            "company", "Company",
            "line1", "Street and number",
            "line2", "Address line 2",
            "city", "City",
            "region", "Region",
            "postalCode", "Postal code",
            "country", "Country",
            "phone", "Phone");

    /** Every assigned ISO 3166-1 country by English name: users accepts exactly two-letter codes. */
    private static final List<Country> COUNTRIES = Stream.of(Locale.getISOCountries())
            .map(code -> new Country(code, Locale.of("", code).getDisplayCountry(Locale.ENGLISH), false))
            .sorted(Comparator.comparing(Country::name))
            .toList();

    @TemplateData
    public record Country(String code, String name, boolean selected) {}

    static AddressForm adding(AddressInput values, FormErrors errors) {
        return new AddressForm("/account/addresses", "Add an address", values, false, false, countries(values), errors);
    }

    static AddressForm editing(Address current, AddressInput values, FormErrors errors) {
        return new AddressForm(
                "/account/addresses/" + current.id(),
                "Edit address",
                values,
                current.defaultShipping(),
                current.defaultBilling(),
                countries(values),
                errors);
    }

    static AddressInput empty() {
        return new AddressInput(null, null, null, null, null, null, null, null, null, null, false, false);
    }

    static boolean isCountry(String code) {
        return code != null && COUNTRIES.stream().anyMatch(c -> c.code().equals(code));
    }

    private static List<Country> countries(AddressInput values) {
        String chosen = values == null ? null : values.country();
        return COUNTRIES.stream()
                .map(c -> c.code().equalsIgnoreCase(chosen == null ? "" : chosen)
                        ? new Country(c.code(), c.name(), true)
                        : c)
                .toList();
    }
}
