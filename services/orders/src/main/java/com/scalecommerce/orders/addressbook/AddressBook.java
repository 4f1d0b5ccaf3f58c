package com.scalecommerce.orders.addressbook;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.scalecommerce.platform.web.problem.ProblemException;
import io.smallrye.faulttolerance.api.CircuitBreakerName;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.ws.rs.WebApplicationException;
import java.time.temporal.ChronoUnit;
import java.util.UUID;
import org.eclipse.microprofile.faulttolerance.CircuitBreaker;
import org.eclipse.microprofile.faulttolerance.Retry;
import org.eclipse.microprofile.faulttolerance.Timeout;
import org.eclipse.microprofile.faulttolerance.exceptions.CircuitBreakerOpenException;
import org.eclipse.microprofile.rest.client.inject.RestClient;

/**
 * A customer's saved address, fetched at checkout and copied into the order: later edits of the address book never
 * change where an order went.
 */
@ApplicationScoped
public class AddressBook {

    /** The fields an order keeps of an address (users sends more: id, label, defaults, times). */
    @JsonIgnoreProperties(ignoreUnknown = true)
    public record Address(
            String recipientName,
            String company,
            String line1,
            String line2,
            String city,
            String region,
            String postalCode,
            String country,
            String phone) {}

    private final AddressBookApi users;

    AddressBook(@RestClient AddressBookApi users) {
        this.users = users;
    }

    /**
     * The entry {@code addressId} of the customer whose bearer token this is; someone else's entry is a 422 on the
     * field (users answers 404, and an order must not reveal whether the id exists).
     */
    @Timeout(value = 1500, unit = ChronoUnit.MILLIS)
    @Retry(
            maxRetries = 1,
            delay = 50,
            abortOn = {ProblemException.class, CircuitBreakerOpenException.class})
    @CircuitBreaker(requestVolumeThreshold = 10, failureRatio = 0.5, delay = 5000, skipOn = ProblemException.class)
    @CircuitBreakerName("users-address-book")
    public Address entry(String bearer, UUID addressId) {
        try {
            return users.get(bearer, addressId);
        } catch (WebApplicationException e) {
            int status = e.getResponse().getStatus();
            if (status == 404 || status == 401 || status == 403) {
                throw ProblemException.invalidField("shippingAddressId", "is not an address in your address book");
            }
            throw e;
        }
    }
}
