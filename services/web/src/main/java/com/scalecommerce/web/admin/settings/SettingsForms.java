package com.scalecommerce.web.admin.settings;

import com.scalecommerce.web.admin.forms.FormValues;
import com.scalecommerce.web.admin.settings.PricingSettingsApi.Area;
import com.scalecommerce.web.admin.settings.PricingSettingsApi.Discount;
import com.scalecommerce.web.admin.settings.PricingSettingsApi.DiscountInput;
import com.scalecommerce.web.admin.settings.PricingSettingsApi.Method;
import com.scalecommerce.web.admin.settings.PricingSettingsApi.MethodInput;
import com.scalecommerce.web.admin.settings.PricingSettingsApi.TaxRate;
import com.scalecommerce.web.admin.settings.PricingSettingsApi.TaxRateInput;
import com.scalecommerce.web.admin.settings.PricingSettingsApi.WeightBand;
import com.scalecommerce.web.admin.settings.PricingSettingsApi.Zone;
import com.scalecommerce.web.admin.settings.PricingSettingsApi.ZoneInput;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Locale;
import java.util.stream.Collectors;
import org.jboss.resteasy.reactive.RestForm;

/**
 * The settings forms as typed: amounts as "4.95" in the form's currency, times as UTC {@code datetime-local}
 * values, lists as lines. Orders checks the rules (which fields a kind needs, ISO codes); these only parse.
 */
final class SettingsForms {

    private SettingsForms() {}

    private static String upper(String value) {
        String text = FormValues.text(value);
        return text == null ? null : text.toUpperCase(Locale.ROOT);
    }

    /** Areas are lines: "US" for a whole country, "US: CA" for one region of it. */
    public static class ZoneForm {
        @RestForm
        public String name;

        @RestForm
        public String areas;

        static ZoneForm blank() {
            return new ZoneForm();
        }

        static ZoneForm of(Zone zone) {
            var form = new ZoneForm();
            form.name = zone.name();
            form.areas = zone.areas() == null
                    ? ""
                    : zone.areas().stream()
                            .map(a -> a.region() == null || a.region().isBlank()
                                    ? a.country()
                                    : a.country() + ": " + a.region())
                            .collect(Collectors.joining("\n"));
            return form;
        }

        ZoneInput toInput() {
            var list = new ArrayList<Area>();
            if (areas != null) {
                for (String line : areas.split("\\R")) {
                    if (line.isBlank()) {
                        continue;
                    }
                    int colon = line.indexOf(':');
                    list.add(
                            colon < 0
                                    ? new Area(line.strip().toUpperCase(Locale.ROOT), "")
                                    : new Area(
                                            line.substring(0, colon).strip().toUpperCase(Locale.ROOT),
                                            line.substring(colon + 1).strip()));
                }
            }
            return new ZoneInput(FormValues.text(name), list);
        }
    }

    /** Weight bands are lines "up to grams: rate", e.g. "1000: 4.95". */
    public static class MethodForm {
        @RestForm
        public String name;

        @RestForm
        public String kind;

        @RestForm
        public String currency;

        @RestForm
        public String rate;

        @RestForm
        public String freeOver;

        @RestForm
        public String weightBands;

        @RestForm
        public String minDays;

        @RestForm
        public String maxDays;

        @RestForm
        public String active;

        static MethodForm blank() {
            var form = new MethodForm();
            form.kind = "FLAT";
            form.currency = "USD";
            form.active = "true";
            return form;
        }

        static MethodForm of(Method method) {
            var form = new MethodForm();
            form.name = method.name();
            form.kind = method.kind();
            form.currency = method.currency();
            form.rate = FormValues.amount(method.rateMinor(), method.currency());
            form.freeOver = FormValues.amount(method.freeOverMinor(), method.currency());
            form.weightBands = method.weightBands() == null
                    ? ""
                    : method.weightBands().stream()
                            .map(b -> b.upToGrams() + ": " + FormValues.amount(b.rateMinor(), method.currency()))
                            .collect(Collectors.joining("\n"));
            form.minDays = Integer.toString(method.minDays());
            form.maxDays = Integer.toString(method.maxDays());
            form.active = method.active() ? "true" : null;
            return form;
        }

        public boolean isActive() {
            return active != null;
        }

        public boolean hasKind(String value) {
            return value.equals(kind);
        }

        /** The form shows every kind's fields; only the chosen kind's are sent (orders refuses the others). */
        MethodInput toInput(FormValues values) {
            String c = upper(currency);
            String k = upper(kind);
            var bands = new ArrayList<WeightBand>();
            if ("WEIGHT".equals(k)) {
                int i = 0;
                for (var band : values.pairs("weightBands", weightBands).entrySet()) {
                    String field = "weightBands[" + i++ + "]";
                    bands.add(new WeightBand(
                            values.wholeNumber(field, band.getKey()), values.money(field, band.getValue(), c)));
                }
            }
            return new MethodInput(
                    FormValues.text(name),
                    k,
                    c,
                    "WEIGHT".equals(k) ? null : values.money("rateMinor", rate, c),
                    "FREE_OVER".equals(k) ? values.money("freeOverMinor", freeOver, c) : null,
                    bands.isEmpty() ? null : bands,
                    values.integer("minDays", minDays),
                    values.integer("maxDays", maxDays),
                    isActive());
        }
    }

    public static class TaxRateForm {
        @RestForm
        public String country;

        @RestForm
        public String region;

        @RestForm
        public String name;

        @RestForm
        public String ratePercent;

        @RestForm
        public String shippingTaxable;

        static TaxRateForm blank() {
            var form = new TaxRateForm();
            form.shippingTaxable = "true";
            return form;
        }

        static TaxRateForm of(TaxRate rate) {
            var form = new TaxRateForm();
            form.country = rate.country();
            form.region = rate.region();
            form.name = rate.name();
            form.ratePercent = rate.ratePercent() == null
                    ? ""
                    : rate.ratePercent().stripTrailingZeros().toPlainString();
            form.shippingTaxable = rate.shippingTaxable() ? "true" : null;
            return form;
        }

        public boolean isShippingTaxable() {
            return shippingTaxable != null;
        }

        TaxRateInput toInput(FormValues values) {
            return new TaxRateInput(
                    upper(country),
                    FormValues.text(region),
                    FormValues.text(name),
                    values.decimal("ratePercent", ratePercent),
                    isShippingTaxable());
        }
    }

    public static class DiscountForm {
        @RestForm
        public String code;

        @RestForm
        public String kind;

        @RestForm
        public String percentOff;

        @RestForm
        public String amountOff;

        @RestForm
        public String currency;

        @RestForm
        public String minSubtotal;

        @RestForm
        public String startsAt;

        @RestForm
        public String endsAt;

        @RestForm
        public String usageLimit;

        @RestForm
        public String perCustomerLimit;

        @RestForm
        public String active;

        static DiscountForm blank() {
            var form = new DiscountForm();
            form.kind = "PERCENTAGE";
            form.active = "true";
            return form;
        }

        static DiscountForm of(Discount d) {
            var form = new DiscountForm();
            form.code = d.code();
            form.kind = d.kind();
            form.percentOff = d.percentOff() == null
                    ? ""
                    : d.percentOff().stripTrailingZeros().toPlainString();
            form.amountOff = FormValues.amount(d.amountOffMinor(), d.currency());
            form.currency = d.currency();
            form.minSubtotal = FormValues.amount(d.minSubtotalMinor(), d.currency());
            form.startsAt =
                    d.startsAt() == null ? "" : FormValues.utcInput(d.startsAt().toInstant());
            form.endsAt =
                    d.endsAt() == null ? "" : FormValues.utcInput(d.endsAt().toInstant());
            form.usageLimit = d.usageLimit() == null ? "" : d.usageLimit().toString();
            form.perCustomerLimit =
                    d.perCustomerLimit() == null ? "" : d.perCustomerLimit().toString();
            form.active = d.active() ? "true" : null;
            return form;
        }

        public boolean isActive() {
            return active != null;
        }

        public boolean hasKind(String value) {
            return value.equals(kind);
        }

        DiscountInput toInput(FormValues values) {
            String c = upper(currency);
            var starts = values.utcTime("startsAt", startsAt);
            var ends = values.utcTime("endsAt", endsAt);
            String k = upper(kind);
            // Both amounts are on the form; only the chosen kind's is sent (orders refuses the other).
            return new DiscountInput(
                    FormValues.text(code),
                    k,
                    "FIXED".equals(k) ? null : values.decimal("percentOff", percentOff),
                    "FIXED".equals(k) ? values.money("amountOffMinor", amountOff, c) : null,
                    c,
                    values.money("minSubtotalMinor", minSubtotal, c),
                    starts == null ? null : starts.atOffset(ZoneOffset.UTC),
                    ends == null ? null : ends.atOffset(ZoneOffset.UTC),
                    values.integer("usageLimit", usageLimit),
                    values.integer("perCustomerLimit", perCustomerLimit),
                    isActive());
        }
    }
}
