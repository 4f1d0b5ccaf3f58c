package com.scalecommerce.web.checkout;

import com.scalecommerce.web.session.Session.CheckoutDraft.Address;
import io.quarkus.qute.TemplateData;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * The address step's form as typed, and what is wrong with it: required fields, the limits orders' checkout
 * enforces (so a form we accept is never refused there for its shape), and the country an assigned ISO 3166-1 code.
 * Messages are keyed by field so the page puts each next to its input.
 */
@TemplateData
record AddressForm(
        String email,
        String recipientName,
        String company,
        String line1,
        String line2,
        String city,
        String region,
        String postalCode,
        String country,
        String phone) {

    static final Set<String> COUNTRIES = Set.of(Locale.getISOCountries());
    // Deliberately loose: the address only has to be deliverable; orders checks it again.
    private static final Pattern EMAIL = Pattern.compile("[^@\\s]+@[^@\\s]+\\.[^@\\s]+");
    private static final Pattern POSTAL_CODE = Pattern.compile("[A-Za-z0-9 -]+");
    private static final Pattern PHONE = Pattern.compile("\\+?[0-9 ()./-]{4,30}");

    static AddressForm empty() {
        return new AddressForm(null, null, null, null, null, null, null, null, null, null);
    }

    static AddressForm of(String email, Address address) {
        if (address == null) {
            return new AddressForm(email, null, null, null, null, null, null, null, null, null);
        }
        return new AddressForm(
                email,
                address.recipientName(),
                address.company(),
                address.line1(),
                address.line2(),
                address.city(),
                address.region(),
                address.postalCode(),
                address.country(),
                address.phone());
    }

    /** Trims every field and treats blank as absent; the country in upper case. */
    AddressForm cleaned() {
        return new AddressForm(
                clean(email),
                clean(recipientName),
                clean(company),
                clean(line1),
                clean(line2),
                clean(city),
                clean(region),
                clean(postalCode),
                clean(country) == null ? null : clean(country).toUpperCase(Locale.ROOT),
                clean(phone));
    }

    /** Field → message; empty when the address can be used. {@code needsEmail}: a guest's checkout. */
    Map<String, String> problems(boolean needsEmail) {
        var problems = new LinkedHashMap<String, String>();
        if (needsEmail) {
            if (email == null) {
                problems.put("email", "Enter your email address: the order confirmation goes there.");
            } else if (email.length() > 254 || !EMAIL.matcher(email).matches()) {
                problems.put("email", "Enter an email address like name@example.com.");
            }
        }
        required(problems, "recipientName", recipientName, "Enter the recipient's name.", 200);
        limit(problems, "company", company, 200);
        required(problems, "line1", line1, "Enter the street and number.", 200);
        limit(problems, "line2", line2, 200);
        required(problems, "city", city, "Enter the city.", 100);
        limit(problems, "region", region, 100);
        required(problems, "postalCode", postalCode, "Enter the postal code.", 20);
        if (postalCode != null
                && !problems.containsKey("postalCode")
                && !POSTAL_CODE.matcher(postalCode).matches()) {
            problems.put("postalCode", "A postal code has letters, digits, spaces and dashes only.");
        }
        if (country == null) {
            problems.put("country", "Choose the country.");
        } else if (!COUNTRIES.contains(country)) {
            problems.put("country", "Choose a country from the list.");
        }
        if (phone != null && !PHONE.matcher(phone).matches()) {
            problems.put("phone", "Enter a phone number (digits, spaces, + and dashes), or leave it empty.");
        }
        return problems;
    }

    Address address() {
        return new Address(recipientName, company, line1, line2, city, region, postalCode, country, phone);
    }

    private static void required(Map<String, String> problems, String field, String value, String missing, int max) {
        if (value == null) {
            problems.put(field, missing);
        } else {
            limit(problems, field, value, max);
        }
    }

    private static void limit(Map<String, String> problems, String field, String value, int max) {
        if (value != null && value.length() > max) {
            problems.put(field, "Use at most " + max + " characters.");
        }
    }

    private static String clean(String value) {
        return value == null || value.isBlank() ? null : value.strip();
    }
}
