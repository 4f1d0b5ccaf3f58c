package com.scalecommerce.web.checkout;

import com.scalecommerce.web.checkout.CheckoutModels.BookAddress;
import com.scalecommerce.web.checkout.CheckoutModels.Cart;
import com.scalecommerce.web.checkout.CheckoutModels.CartLine;
import com.scalecommerce.web.checkout.CheckoutModels.Quote;
import com.scalecommerce.web.checkout.CheckoutModels.ShippingOption;
import com.scalecommerce.web.checkout.TestCards.TestCard;
import com.scalecommerce.web.session.Session.CheckoutDraft;
import com.scalecommerce.web.session.Session.CheckoutDraft.Address;
import com.scalecommerce.web.session.Session.CheckoutDraft.Placed;
import io.quarkus.qute.TemplateData;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;
import java.util.stream.Collectors;
import java.util.stream.Stream;

/** What each checkout page shows, prepared so the templates only print. */
final class CheckoutViews {

    private CheckoutViews() {}

    @TemplateData
    record Country(String code, String name, boolean selected) {}

    /** Every assigned ISO 3166-1 country by English name, the chosen one marked. */
    static List<Country> countries(String chosen) {
        return Stream.of(Locale.getISOCountries())
                .map(code -> new Country(code, countryName(code), code.equals(chosen)))
                .sorted(Comparator.comparing(Country::name))
                .toList();
    }

    static String countryName(String code) {
        return code == null ? "" : Locale.of("", code).getDisplayCountry(Locale.ENGLISH);
    }

    /** An address as lines of text (name, company, street, city line, country). */
    static List<String> lines(Address a) {
        if (a == null) {
            return List.of();
        }
        String cityLine = Stream.of(a.postalCode(), a.city(), a.region())
                .filter(s -> s != null && !s.isBlank())
                .collect(Collectors.joining(" "));
        return Stream.of(a.recipientName(), a.company(), a.line1(), a.line2(), cityLine, countryName(a.country()))
                .filter(s -> s != null && !s.isBlank())
                .toList();
    }

    static Address address(BookAddress b) {
        return new Address(
                b.recipientName(),
                b.company(),
                b.line1(),
                b.line2(),
                b.city(),
                b.region(),
                b.postalCode(),
                b.country() == null ? null : b.country().toUpperCase(Locale.ROOT),
                b.phone());
    }

    @TemplateData
    record SavedAddress(UUID id, String label, String summary, boolean selected) {}

    @TemplateData
    record AddressStep(
            String csrf,
            boolean guest,
            String accountEmail,
            AddressForm form,
            Map<String, String> problems,
            List<SavedAddress> saved,
            boolean newAddressChosen,
            String notice,
            List<Country> countries) {

        public String problem(String field) {
            return problems.get(field);
        }

        public boolean hasProblems() {
            return !problems.isEmpty();
        }
    }

    @TemplateData
    record ShippingChoice(ShippingOption option, boolean selected, String delivery, String freeNote) {}

    @TemplateData
    record ShippingStep(
            String csrf,
            List<String> address,
            String currency,
            List<ShippingChoice> choices,
            String problem,
            String notice) {}

    @TemplateData
    record PaymentChoice(TestCard card, boolean selected) {}

    @TemplateData
    record PaymentStep(
            String csrf,
            List<PaymentChoice> testCards,
            String stripeKey,
            String problem,
            String notice,
            String currency,
            long totalMinor) {

        public boolean stripe() {
            return stripeKey != null;
        }
    }

    @TemplateData
    record ReviewLine(CartLine line, String options) {

        static ReviewLine of(CartLine line) {
            String options = line.options() == null
                    ? ""
                    : line.options().entrySet().stream()
                            .sorted(Map.Entry.comparingByKey())
                            .map(e -> e.getKey() + ": " + e.getValue())
                            .collect(Collectors.joining(", "));
            return new ReviewLine(line, options);
        }
    }

    @TemplateData
    record ReviewStep(
            String csrf,
            String email,
            List<String> address,
            Cart cart,
            List<ReviewLine> lines,
            Quote quote,
            String paymentLabel,
            String ignoredCode,
            String ignoredCodeReason,
            String notice) {

        public String taxLabel() {
            String rate = quote.taxRatePercent() == null
                    ? ""
                    : " " + quote.taxRatePercent().stripTrailingZeros().toPlainString() + "%";
            return (quote.pricesIncludeTax() ? "Included tax" : "Tax") + rate;
        }
    }

    @TemplateData
    record AuthenticateStep(
            String csrf, UUID orderId, boolean sandbox, String stripeKey, String clientSecret, String notice) {}

    @TemplateData
    record PendingPage(UUID orderId, long number, boolean paymentConfirmed) {}

    @TemplateData
    record Confirmation(Placed order, List<String> address) {

        public String statusText() {
            return switch (order.status() == null ? "" : order.status()) {
                case "PENDING_PAYMENT" -> "Payment confirmed: we are finishing your order.";
                case "PAID" -> "Paid";
                default -> order.status().toLowerCase(Locale.ROOT).replace('_', ' ');
            };
        }
    }

    /** The draft's chosen address as text, for pages after the address step. */
    static List<String> addressOf(CheckoutDraft draft) {
        return lines(draft.address());
    }
}
