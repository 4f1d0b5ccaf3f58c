package com.scalecommerce.web.account;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import java.util.List;
import java.util.Locale;
import java.util.UUID;

/** What the web tier reads and sends of users' account API (users' Profile, Address and AddressInput). */
public final class AccountModels {

    private AccountModels() {}

    /**
     * What the account pages show of users' profile. Its {@code createdAt} is left out: no page shows it, and
     * parsing an {@code Instant} was about 3 % of web's CPU samples on the account page.
     */
    @JsonIgnoreProperties(ignoreUnknown = true)
    public record Profile(
            UUID id,
            String email,
            boolean emailVerified,
            String name,
            String phone,
            boolean marketingConsent,
            List<String> roles) {}

    @JsonIgnoreProperties(ignoreUnknown = true)
    public record Address(
            UUID id,
            String label,
            String recipientName,
            String company,
            String line1,
            String line2,
            String city,
            String region,
            String postalCode,
            String country,
            String phone,
            boolean defaultShipping,
            boolean defaultBilling) {

        /** The country's English name for the page; users keeps the ISO code. */
        public String countryName() {
            return country == null ? "" : Locale.of("", country).getDisplayCountry(Locale.ENGLISH);
        }

        /** The input that writes this address back unchanged, but for the default flags asked for. */
        AddressInput asInput(boolean makeDefaultShipping, boolean makeDefaultBilling) {
            return new AddressInput(
                    label,
                    recipientName,
                    company,
                    line1,
                    line2,
                    city,
                    region,
                    postalCode,
                    country,
                    phone,
                    makeDefaultShipping,
                    makeDefaultBilling);
        }
    }

    /**
     * An address as users takes it (the whole address replaces the old one). A default flag left false does not
     * take the flag away: users moves it only when another address claims it.
     */
    public record AddressInput(
            String label,
            String recipientName,
            String company,
            String line1,
            String line2,
            String city,
            String region,
            String postalCode,
            String country,
            String phone,
            Boolean defaultShipping,
            Boolean defaultBilling) {}

    public record PasswordChange(String currentPassword, String newPassword) {}
}
