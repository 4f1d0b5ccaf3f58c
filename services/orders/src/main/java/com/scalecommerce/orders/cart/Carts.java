package com.scalecommerce.orders.cart;

import com.scalecommerce.orders.catalog.Catalog;
import com.scalecommerce.orders.catalog.Product;
import com.scalecommerce.platform.events.ScriptedEvents;
import com.scalecommerce.platform.web.problem.ProblemException;
import io.quarkus.runtime.StartupEvent;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.enterprise.inject.Instance;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

/**
 * The cart feature's entry point for the resource and for checkout: change a cart, view it priced by products
 * now, merge a guest cart on sign-in, clear it after an order.
 */
@ApplicationScoped
public class Carts {

    public static final String ITEM_ADDED = "cart.item_added";

    /** The event's data: ids and the change only; a guest cart appears as the hash of its token. */
    public record ItemAdded(String cartId, UUID userId, String sku, UUID productId, int quantity) {}

    private final CartStore store;
    private final Catalog catalog;
    private final ScriptedEvents events;
    private final CartConfig config;
    private final List<CartPricingStep> pricing;
    private final QuotedCartStep quotes;
    private final Optional<CartView.Destination> defaultDestination;

    Carts(
            CartStore store,
            Catalog catalog,
            ScriptedEvents events,
            CartConfig config,
            Instance<CartPricingStep> steps,
            QuotedCartStep quotes) {
        this.store = store;
        this.catalog = catalog;
        this.events = events;
        this.config = config;
        this.pricing = steps.stream()
                .sorted(Comparator.comparingInt(CartPricingStep::order))
                .toList();
        this.quotes = quotes;
        this.defaultDestination = config.defaultCountry()
                .map(c -> c.trim().toUpperCase(Locale.ROOT))
                .map(c -> new CartView.Destination(c, null, CartView.Destination.Source.DEFAULT));
    }

    // A mistyped default country would silently price every cart without shipping and tax: refuse to start.
    void checkDefaultCountry(@Observes StartupEvent start) {
        defaultDestination.ifPresent(d -> {
            if (!CartDestination.isCountry(d.country())) {
                throw new IllegalStateException("scalecommerce.orders.cart.default-country=" + d.country()
                        + " is not an ISO 3166-1 alpha-2 country code (e.g. DE, US); fix it or leave it unset");
            }
        });
    }

    public CartView view(CartOwner owner) {
        return price(owner, store.read(owner.cartId()));
    }

    /** A guest without a cart token has nothing in Redis to read. */
    CartView empty() {
        return new CartView(List.of(), null, 0, 0, List.of(), 0, false, null, null, defaultDestination.orElse(null));
    }

    // The cart lives in Redis, and so does its event: the store's script that adds the line also publishes
    // cart.item_added, so a refused add (limit, full cart) publishes nothing and an add that happened cannot lose it.
    // Non-blocking: with the product cached, the whole add runs on the event loop (see CartResource).
    public Uni<Void> add(CartOwner owner, UUID productId, String sku, int quantity) {
        checkQuantity(quantity, 1);
        return catalog.productSoon(productId).chain(found -> {
            Product product = found.orElseThrow(Carts::productNotFound);
            Product.Sku item = skuOf(product, sku);
            if (!item.available()) {
                throw outOfStock(sku);
            }
            var itemAdded = events.event(
                    ITEM_ADDED,
                    owner.cartId(),
                    new ItemAdded(owner.cartId(), owner.userId().orElse(null), sku, productId, quantity));
            return store.add(owner.cartId(), sku, productId, quantity, item.priceMinor(), product.currency(), itemAdded)
                    .map(this::added);
        });
    }

    private Void added(CartStore.AddResult result) {
        return switch (result.status()) {
            case "OK" -> null;
            case "LIMIT" -> throw limitExceeded(Integer.parseInt(result.detail()));
            case "FULL" ->
                throw ProblemException.conflict(
                        "CART_FULL", "A cart holds at most " + config.maxLines() + " different items.");
            case "CURRENCY" ->
                throw ProblemException.conflict(
                        "CURRENCY_MISMATCH", "The cart is priced in " + result.detail() + "; this product is not.");
            default -> throw new IllegalStateException("unexpected cart store answer " + result.status());
        };
    }

    /** Sets a line's quantity; 0 removes the line. */
    public void changeQuantity(CartOwner owner, String sku, int quantity) {
        checkQuantity(quantity, 0);
        if (quantity == 0) {
            store.await(remove(owner, sku));
            return;
        }
        var line = store.read(owner.cartId()).lines().stream()
                .filter(l -> l.sku().equals(sku))
                .findFirst()
                .orElseThrow(() -> lineNotFound(sku));
        Product.Sku item = skuOf(productOf(line.productId()), sku);
        if (!item.available() && quantity > line.quantity()) {
            throw outOfStock(sku);
        }
        if (!store.set(owner.cartId(), sku, quantity, item.priceMinor())) {
            throw lineNotFound(sku);
        }
    }

    /** Non-blocking, like {@link #add}. */
    public Uni<Void> remove(CartOwner owner, String sku) {
        return store.remove(owner.cartId(), sku).map(removed -> {
            if (!removed) {
                throw lineNotFound(sku);
            }
            return null;
        });
    }

    /** Moves the guest cart's lines into the customer's cart (quantities add up, capped) and deletes it. */
    public void merge(CartToken guest, UUID userId) {
        store.merge(CartOwner.guest(guest).cartId(), CartOwner.user(userId).cartId());
    }

    /**
     * Keeps a discount code with the cart, after checking that it applies to the cart's available lines now:
     * a code that does not is refused with the pricing package's 422 problem and not kept.
     */
    public void applyDiscountCode(CartOwner owner, String code) {
        if (code == null || code.isBlank()) {
            throw ProblemException.invalidField("code", "must not be blank");
        }
        var priced = pricedCart(owner, store.read(owner.cartId()));
        if (!QuotedCartStep.hasPricedLines(priced)) {
            throw ProblemException.conflict(
                    "CART_EMPTY", "The cart has no item that can be bought now to apply a discount code to.");
        }
        store.choose(owner.cartId(), CartStore.DISCOUNT_CODE, quotes.check(priced, code.trim()));
    }

    public void removeDiscountCode(CartOwner owner) {
        store.forget(owner.cartId(), CartStore.DISCOUNT_CODE);
    }

    /** Where the shipping and tax estimate is for; the cart may still be empty. */
    public void chooseDestination(CartOwner owner, CartDestination destination) {
        store.choose(owner.cartId(), CartStore.DESTINATION, destination.stored());
    }

    public void removeDestination(CartOwner owner) {
        store.forget(owner.cartId(), CartStore.DESTINATION);
    }

    /**
     * The cart's lines at products' prices now, with unit weights and the chosen code, for checkout to quote and
     * reserve itself. The pricing steps do not run: checkout quotes once, with the shopper's address.
     */
    public CartPricingStep.PricedCart current(CartOwner owner) {
        return pricedCart(owner, store.read(owner.cartId()));
    }

    /** After an order is placed from this cart. */
    public void clear(CartOwner owner) {
        store.delete(owner.cartId());
    }

    Optional<Long> millisToLive(CartOwner owner) {
        return store.millisToLive(owner.cartId());
    }

    private CartView price(CartOwner owner, CartStore.StoredCart stored) {
        var priced = pricedCart(owner, stored);
        List<CartAdjustment> adjustments = new ArrayList<>();
        CartView.DiscountProblem discountProblem = null;
        for (var step : pricing) {
            var result = step.price(priced, List.copyOf(adjustments));
            adjustments.addAll(result.adjustments());
            if (discountProblem == null) {
                discountProblem = result.discountProblem();
            }
        }
        long total = priced.subtotalMinor()
                + adjustments.stream()
                        .mapToLong(CartAdjustment::effectOnTotalMinor)
                        .sum();
        boolean attention =
                discountProblem != null || priced.lines().stream().anyMatch(l -> !l.available() || l.priceChanged());
        int items = priced.lines().stream().mapToInt(CartView.Line::quantity).sum();
        return new CartView(
                priced.lines(),
                stored.currency(),
                priced.subtotalMinor(),
                items,
                List.copyOf(adjustments),
                total,
                attention,
                stored.discountCode(),
                discountProblem,
                priced.destination());
    }

    /** The stored lines at products' prices now, with what the pricing steps need beside them. */
    private CartPricingStep.PricedCart pricedCart(CartOwner owner, CartStore.StoredCart stored) {
        Map<UUID, Optional<Product>> products = new HashMap<>();
        List<CartView.Line> lines = new ArrayList<>(stored.lines().size());
        Map<String, Integer> weights = new HashMap<>();
        long subtotal = 0;
        for (var line : stored.lines()) {
            var product = products.computeIfAbsent(line.productId(), catalog::product);
            var item = product.flatMap(p -> p.sku(line.sku()));
            boolean available = item.map(Product.Sku::available).orElse(false)
                    && product.get().currency().equals(stored.currency());
            Long unit = item.map(Product.Sku::priceMinor).orElse(null);
            boolean priceChanged = unit != null && unit != line.priceSeenMinor();
            long lineTotal = available ? unit * line.quantity() : 0;
            subtotal += lineTotal;
            if (available && item.get().weightGrams() != null) {
                weights.put(line.sku(), item.get().weightGrams());
            }
            lines.add(new CartView.Line(
                    line.sku(),
                    line.productId(),
                    product.map(Product::name).orElse(null),
                    item.map(Product.Sku::options).orElse(Map.of()),
                    item.map(Product.Sku::imageUrl).orElse(null),
                    unit,
                    line.quantity(),
                    lineTotal,
                    available,
                    priceChanged,
                    priceChanged ? line.priceSeenMinor() : null));
        }
        CartView.Destination destination = stored.destination() == null
                ? defaultDestination.orElse(null)
                : new CartView.Destination(
                        stored.destination().country(),
                        stored.destination().region(),
                        CartView.Destination.Source.CHOSEN);
        return new CartPricingStep.PricedCart(
                owner,
                List.copyOf(lines),
                stored.currency(),
                subtotal,
                Map.copyOf(weights),
                stored.discountCode(),
                destination);
    }

    private Product productOf(UUID productId) {
        return catalog.product(productId).orElseThrow(Carts::productNotFound);
    }

    private static ProblemException productNotFound() {
        return ProblemException.notFound("PRODUCT_NOT_FOUND", "No such product.");
    }

    private static Product.Sku skuOf(Product product, String sku) {
        return product.sku(sku)
                .orElseThrow(() -> ProblemException.notFound("SKU_NOT_FOUND", "This product has no SKU " + sku + "."));
    }

    private void checkQuantity(int quantity, int min) {
        if (quantity < min) {
            throw ProblemException.invalidField("quantity", "must be at least " + min);
        }
        if (quantity > config.maxQuantityPerLine()) {
            throw limitExceeded(0);
        }
    }

    private ProblemException limitExceeded(int inCart) {
        return new ProblemException(
                409,
                "QUANTITY_LIMIT_EXCEEDED",
                "Conflict",
                "At most " + config.maxQuantityPerLine() + " of one item per order"
                        + (inCart > 0 ? "; the cart already holds " + inCart + "." : "."),
                List.of(),
                Map.of());
    }

    private static ProblemException outOfStock(String sku) {
        return ProblemException.conflict("OUT_OF_STOCK", "SKU " + sku + " is not available right now.");
    }

    private static ProblemException lineNotFound(String sku) {
        return ProblemException.notFound("CART_LINE_NOT_FOUND", "The cart has no line for SKU " + sku + ".");
    }
}
