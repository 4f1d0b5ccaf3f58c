package com.scalecommerce.e2e.harness;

import com.fasterxml.jackson.databind.JsonNode;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * What a journey needs done before the part it proves, through the same public and admin APIs a person
 * would use: sign the admin in, register customers, list products with stock, set up shipping and tax, fill
 * carts, check out. Every helper fails with the whole HTTP answer when a service says no.
 */
public final class Shop {

    public static final String CURRENCY = "USD";
    public static final String COUNTRY = "US";
    /** A flat rate, so totals are easy to reason about. */
    public static final long SHIPPING_RATE_MINOR = 500;

    public static final String TAX_RATE_PERCENT = "10";

    private static final Pattern VERIFY_LINK = Pattern.compile("verify-email\\?token=([^\\s\"<>&]+)");
    private static final Duration MAIL_TIMEOUT = Duration.ofSeconds(45);

    /** A variant for sale: what the cart and checkout need (product id and SKU) and its catalog price. */
    public record Product(UUID id, String sku, long priceMinor) {}

    /** One SKU's stock as products' admin API reports it. */
    public record Stock(int onHand, int reserved, int available) {}

    /** The shipping method checkouts use, in the zone that covers {@link #COUNTRY}. */
    public record Shipping(UUID zoneId, UUID methodId) {}

    private final Platform platform;
    private String adminToken;
    private Instant adminTokenExpires = Instant.EPOCH;
    private Shipping shipping;

    Shop(Platform platform) {
        this.platform = platform;
    }

    // --- people ------------------------------------------------------------------------------------------

    /** A fresh access token for the bootstrap admin, reused until a minute before it expires. */
    public synchronized String adminToken() {
        if (Instant.now().isAfter(adminTokenExpires.minusSeconds(60))) {
            JsonNode tokens = login(Platform.ADMIN_EMAIL, platform.adminPassword());
            adminToken = tokens.path("access_token").asText();
            adminTokenExpires =
                    Instant.now().plusSeconds(tokens.path("expires_in").asLong());
        }
        return adminToken;
    }

    /**
     * A new customer the way a person becomes one: registers, opens the verification link mailed to them
     * (read from GreenMail), then signs in.
     */
    public Customer registerCustomer() {
        String email = "shopper-" + shortId() + "@example.com";
        String password = "e2e " + UUID.randomUUID();
        platform.users()
                .post("/api/auth/register", Map.of("email", email, "password", password, "name", "E2E Shopper"))
                .send()
                .expect(202);
        Mailbox.Mail mail = platform.mailbox()
                .await(email, m -> VERIFY_LINK.matcher(m.text()).find(), MAIL_TIMEOUT);
        Matcher link = VERIFY_LINK.matcher(mail.text());
        link.find();
        String token = URLDecoder.decode(link.group(1), StandardCharsets.UTF_8);
        platform.users()
                .post("/api/auth/email/verify", Map.of("token", token))
                .send()
                .expect(204);
        String accessToken = login(email, password).path("access_token").asText();
        JsonNode me = platform.users()
                .get("/api/users/me")
                .bearer(accessToken)
                .send()
                .expect(200)
                .json();
        if (!me.path("emailVerified").asBoolean()) {
            throw new AssertionError("the verification link did not verify " + email + ": " + me);
        }
        return new Customer(UUID.fromString(me.path("id").asText()), email, password, accessToken);
    }

    /** Adds an address to the customer's address book; answers its id. */
    public UUID addAddress(Customer customer, Map<String, Object> address) {
        JsonNode added = platform.users()
                .post("/api/users/me/addresses", address)
                .bearer(customer.accessToken())
                .send()
                .expect(201)
                .json();
        return UUID.fromString(added.path("id").asText());
    }

    private JsonNode login(String email, String password) {
        return platform.users()
                .post("/api/auth/login", Map.of("email", email, "password", password))
                .send()
                .expect(200)
                .json();
    }

    // --- catalog and inventory ---------------------------------------------------------------------------

    /** An ACTIVE product with one variant (a SKU of its own) at {@code priceMinor}, with {@code stock} on hand. */
    public Product createProduct(long priceMinor, int stock) {
        String id = shortId();
        String sku = "E2E-" + id.toUpperCase();
        var variant = new LinkedHashMap<String, Object>();
        variant.put("sku", sku);
        variant.put("priceMinor", priceMinor);
        variant.put("weightGrams", 500);
        var product = new LinkedHashMap<String, Object>();
        product.put("name", "E2E product " + id);
        product.put("status", "ACTIVE");
        product.put("currency", CURRENCY);
        product.put("variants", List.of(variant));
        JsonNode created = platform.products()
                .post("/api/admin/products", product)
                .bearer(adminToken())
                .send()
                .expect(201)
                .json();
        if (stock > 0) {
            receiveStock(sku, stock);
        }
        return new Product(UUID.fromString(created.path("id").asText()), sku, priceMinor);
    }

    /** Goods arrived: on hand goes up by {@code quantity}. */
    public Stock receiveStock(String sku, int quantity) {
        return stock(platform.products()
                .post(
                        "/api/admin/inventory/" + sku + "/receipts",
                        Map.of("quantity", quantity, "reason", "e2e", "reference", "e2e-" + shortId()))
                .bearer(adminToken())
                .send()
                .expect(200)
                .json());
    }

    public Stock stock(String sku) {
        return stock(platform.products()
                .get("/api/admin/inventory/" + sku)
                .bearer(adminToken())
                .send()
                .expect(200)
                .json());
    }

    private static Stock stock(JsonNode level) {
        return new Stock(
                level.path("onHand").asInt(),
                level.path("reserved").asInt(),
                level.path("available").asInt());
    }

    // --- shipping and tax --------------------------------------------------------------------------------

    /**
     * The run's shipping zone ({@link #COUNTRY}, one FLAT method in {@link #CURRENCY}) and tax rate, created on
     * first use. Once per run: a country can belong to one zone only.
     */
    public synchronized Shipping shipping() {
        if (shipping == null) {
            JsonNode zone = platform.orders()
                    .post(
                            "/api/admin/shipping/zones",
                            Map.of("name", "E2E " + COUNTRY, "areas", List.of(Map.of("country", COUNTRY))))
                    .bearer(adminToken())
                    .send()
                    .expect(201)
                    .json();
            UUID zoneId = UUID.fromString(zone.path("id").asText());
            JsonNode method = platform.orders()
                    .post(
                            "/api/admin/shipping/zones/" + zoneId + "/methods",
                            Map.of(
                                    "name",
                                    "Standard",
                                    "kind",
                                    "FLAT",
                                    "currency",
                                    CURRENCY,
                                    "rateMinor",
                                    SHIPPING_RATE_MINOR,
                                    "minDays",
                                    2,
                                    "maxDays",
                                    5))
                    .bearer(adminToken())
                    .send()
                    .expect(201)
                    .json();
            platform.orders()
                    .post(
                            "/api/admin/tax-rates",
                            Map.of(
                                    "country",
                                    COUNTRY,
                                    "name",
                                    "E2E sales tax",
                                    "ratePercent",
                                    new java.math.BigDecimal(TAX_RATE_PERCENT),
                                    "shippingTaxable",
                                    false))
                    .bearer(adminToken())
                    .send()
                    .expect(201);
            shipping = new Shipping(zoneId, UUID.fromString(method.path("id").asText()));
        }
        return shipping;
    }

    /** A postal address in the shipping zone, shaped as both users' address book and checkout take it. */
    public static Map<String, Object> address(String recipientName) {
        var address = new LinkedHashMap<String, Object>();
        address.put("recipientName", recipientName);
        address.put("line1", "1 Market Street");
        address.put("city", "Springfield");
        address.put("region", "IL");
        address.put("postalCode", "62701");
        address.put("country", COUNTRY);
        return address;
    }

    // --- cart and checkout -------------------------------------------------------------------------------

    /** A new guest cart holding {@code quantity} of the product; the guest is known by the token it got. */
    public Guest guestCartWith(Product product, int quantity) {
        Reply added = platform.orders()
                .post("/api/cart/items", cartItem(product, quantity))
                .send()
                .expect(200);
        String token = added.header(Guest.CART_TOKEN_HEADER);
        if (token == null) {
            throw new AssertionError("no " + Guest.CART_TOKEN_HEADER + " on " + added.describe());
        }
        return new Guest(token);
    }

    public Reply addToCart(Shopper shopper, Product product, int quantity) {
        return platform.orders()
                .post("/api/cart/items", cartItem(product, quantity))
                .as(shopper)
                .send();
    }

    public Reply cart(Shopper shopper) {
        return platform.orders().get("/api/cart").as(shopper).send();
    }

    /** {@code POST /api/checkout} with the shopper's identity and the idempotency key. */
    public Reply checkout(Shopper shopper, String idempotencyKey, Object body) {
        return platform.orders()
                .post("/api/checkout", body)
                .as(shopper)
                .header("Idempotency-Key", idempotencyKey)
                .send();
    }

    /** A guest's checkout body: their e-mail, an address in the zone, the run's shipping method, the card. */
    public Map<String, Object> guestCheckout(String email, String paymentMethod) {
        var body = new LinkedHashMap<String, Object>();
        body.put("email", email);
        body.put("shippingAddress", address("Grace Guest"));
        body.put("shippingMethodId", shipping().methodId().toString());
        body.put("paymentMethod", paymentMethod);
        return body;
    }

    /** A customer's checkout body: an address-book entry instead of an address, the e-mail from the token. */
    public Map<String, Object> customerCheckout(UUID shippingAddressId, String paymentMethod) {
        var body = new LinkedHashMap<String, Object>();
        body.put("shippingAddressId", shippingAddressId.toString());
        body.put("shippingMethodId", shipping().methodId().toString());
        body.put("paymentMethod", paymentMethod);
        return body;
    }

    /** A customer's checkout body with the address typed in rather than taken from the address book. */
    public Map<String, Object> customerCheckoutTo(Map<String, Object> shippingAddress, String paymentMethod) {
        var body = new LinkedHashMap<String, Object>();
        body.put("shippingAddress", shippingAddress);
        body.put("shippingMethodId", shipping().methodId().toString());
        body.put("paymentMethod", paymentMethod);
        return body;
    }

    /** The order as the admin API shows it (any shopper's, guests' included). */
    public JsonNode adminOrder(UUID orderId) {
        return platform.orders()
                .get("/api/admin/orders/" + orderId)
                .bearer(adminToken())
                .send()
                .expect(200)
                .json();
    }

    private static Map<String, Object> cartItem(Product product, int quantity) {
        return Map.of("productId", product.id().toString(), "sku", product.sku(), "quantity", quantity);
    }

    public static String newIdempotencyKey() {
        return "e2e-" + UUID.randomUUID();
    }

    public static String guestEmail() {
        return "guest-" + shortId() + "@example.com";
    }

    private static String shortId() {
        return UUID.randomUUID().toString().substring(0, 8);
    }
}
