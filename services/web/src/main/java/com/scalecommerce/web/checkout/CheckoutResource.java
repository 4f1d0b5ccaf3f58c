package com.scalecommerce.web.checkout;

import com.scalecommerce.platform.web.problem.ProblemException;
import com.scalecommerce.web.WebConfig;
import com.scalecommerce.web.cart.GuestCarts;
import com.scalecommerce.web.catalog.Navigation;
import com.scalecommerce.web.checkout.CheckoutModels.AddressBody;
import com.scalecommerce.web.checkout.CheckoutModels.BookAddress;
import com.scalecommerce.web.checkout.CheckoutModels.Cart;
import com.scalecommerce.web.checkout.CheckoutModels.CartLine;
import com.scalecommerce.web.checkout.CheckoutModels.CheckoutResult;
import com.scalecommerce.web.checkout.CheckoutModels.Destination;
import com.scalecommerce.web.checkout.CheckoutModels.Order;
import com.scalecommerce.web.checkout.CheckoutModels.PlaceOrder;
import com.scalecommerce.web.checkout.CheckoutModels.Quote;
import com.scalecommerce.web.checkout.CheckoutModels.QuoteLine;
import com.scalecommerce.web.checkout.CheckoutModels.QuoteRequest;
import com.scalecommerce.web.checkout.CheckoutModels.ShippingOption;
import com.scalecommerce.web.checkout.CheckoutModels.Shortage;
import com.scalecommerce.web.checkout.CheckoutViews.AddressStep;
import com.scalecommerce.web.checkout.CheckoutViews.AuthenticateStep;
import com.scalecommerce.web.checkout.CheckoutViews.Confirmation;
import com.scalecommerce.web.checkout.CheckoutViews.PaymentChoice;
import com.scalecommerce.web.checkout.CheckoutViews.PaymentStep;
import com.scalecommerce.web.checkout.CheckoutViews.PendingPage;
import com.scalecommerce.web.checkout.CheckoutViews.ReviewLine;
import com.scalecommerce.web.checkout.CheckoutViews.ReviewStep;
import com.scalecommerce.web.checkout.CheckoutViews.SavedAddress;
import com.scalecommerce.web.checkout.CheckoutViews.ShippingChoice;
import com.scalecommerce.web.checkout.CheckoutViews.ShippingStep;
import com.scalecommerce.web.http.Refused;
import com.scalecommerce.web.session.Session;
import com.scalecommerce.web.session.Session.CheckoutDraft;
import com.scalecommerce.web.session.Session.CheckoutDraft.Address;
import com.scalecommerce.web.session.Session.CheckoutDraft.Pending;
import com.scalecommerce.web.session.Session.CheckoutDraft.Placed;
import com.scalecommerce.web.session.Session.CheckoutDraft.PlacedLine;
import com.scalecommerce.web.session.Viewer;
import io.smallrye.common.annotation.RunOnVirtualThread;
import jakarta.ws.rs.BeanParam;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.FormParam;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.net.URI;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import org.jboss.logging.Logger;
import org.jboss.resteasy.reactive.RestResponse;

/**
 * The checkout, step by step and without JavaScript: address → shipping → payment → review → place, each step a
 * GET page and a POST form (CSRF first, then 303 to the next step). What the shopper chose so far is the session's
 * {@link CheckoutDraft}, in the encrypted cookie; the cart itself stays in orders and is read on every step, so a
 * cart emptied or sold out in another tab sends the shopper back to the cart. Orders prices everything: the review
 * shows its quote, and the order is placed with the total the shopper saw ({@code expectedTotalMinor}) and the
 * draft's Idempotency-Key, so a double submit or a retry after a lost answer places one order.
 */
@Path("/checkout")
@RunOnVirtualThread
@Produces(MediaType.TEXT_HTML)
public class CheckoutResource {

    private static final Logger LOG = Logger.getLogger(CheckoutResource.class);
    private static final URI CART = URI.create("/cart");
    private static final URI ADDRESS = URI.create("/checkout");
    private static final URI SHIPPING = URI.create("/checkout/shipping");
    private static final URI PAYMENT = URI.create("/checkout/payment");
    private static final URI REVIEW = URI.create("/checkout/review");
    private static final URI AUTHENTICATE = URI.create("/checkout/authenticate");
    private static final Pattern PAYMENT_METHOD = Pattern.compile("pm_[A-Za-z0-9_]{1,200}");
    private static final Pattern SANDBOX_CHALLENGE =
            Pattern.compile("/api/payments/sandbox/intents/([A-Za-z0-9_]{1,100})/authenticate");
    private static final String NEW_ADDRESS = "new";
    /**
     * The confirmation keeps this many lines of the order, names cut to this length, in the cookie (the sign-in
     * tokens share its ~4 KB); the mail has them all.
     */
    private static final int PLACED_LINES = 3;

    private static final int PLACED_NAME_LENGTH = 60;

    private final CheckoutCalls calls;
    private final Viewer viewer;
    private final GuestCarts guestCarts;
    private final Navigation navigation;
    private final WebConfig config;
    private final PaymentsConfig payments;

    CheckoutResource(
            CheckoutCalls calls,
            Viewer viewer,
            GuestCarts guestCarts,
            Navigation navigation,
            WebConfig config,
            PaymentsConfig payments) {
        this.calls = calls;
        this.viewer = viewer;
        this.guestCarts = guestCarts;
        this.navigation = navigation;
        this.config = config;
        this.payments = payments;
    }

    // --- 1. address ---------------------------------------------------------------------------------------

    @GET
    public Response address() {
        Shopper shopper = shopper();
        Cart cart = cart(shopper);
        Response away = backToCartUnlessReady(cart);
        if (away != null) {
            return away;
        }
        CheckoutDraft draft = viewer.session().checkout();
        AddressForm form = draft == null
                ? AddressForm.empty()
                : AddressForm.of(shopper.guest() ? draft.email() : null, draft.address());
        UUID chosen = draft == null || draft.placed() != null ? null : draft.addressId();
        return Response.ok(addressPage(shopper, form, Map.of(), chosen, draft != null && draft.addressId() == null))
                .build();
    }

    @POST
    @Path("address")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    public Response chooseAddress(@FormParam("_csrf") String csrf, @BeanParam AddressFields fields) {
        viewer.requireCsrf(csrf);
        Shopper shopper = shopper();
        AddressForm form = fields.form().cleaned();
        String email = shopper.guest() ? form.email() : null;
        String choice = fields.savedAddress;
        if (!shopper.guest() && choice != null && !choice.isBlank() && !NEW_ADDRESS.equals(choice)) {
            UUID id = uuid(choice);
            Optional<BookAddress> saved = id == null
                    ? Optional.empty()
                    : addressBook(shopper).stream()
                            .filter(a -> id.equals(a.id()))
                            .findFirst();
            if (saved.isEmpty()) {
                return Response.status(400)
                        .entity(addressPage(
                                shopper,
                                form,
                                Map.of("savedAddress", "Choose one of your addresses, or enter a new one."),
                                null,
                                false))
                        .build();
            }
            return toShipping(draftFor(shopper).withAddress(null, id, CheckoutViews.address(saved.get())));
        }
        Map<String, String> problems = form.problems(shopper.guest());
        if (!problems.isEmpty()) {
            return Response.status(400)
                    .entity(addressPage(shopper, form, problems, null, true))
                    .build();
        }
        return toShipping(draftFor(shopper).withAddress(email, null, form.address()));
    }

    private Response toShipping(CheckoutDraft draft) {
        viewer.update(viewer.session().withCheckout(draft));
        return Response.seeOther(SHIPPING).build();
    }

    // --- 2. shipping --------------------------------------------------------------------------------------

    @GET
    @Path("shipping")
    public Response shipping() {
        CheckoutDraft draft = draft();
        if (draft == null || draft.address() == null) {
            return Response.seeOther(ADDRESS).build();
        }
        Shopper shopper = shopper();
        Cart cart = cart(shopper);
        Response away = backToCartUnlessReady(cart);
        if (away != null) {
            return away;
        }
        return Response.ok(shippingPage(draft, cart, options(cart, draft.address()), null))
                .build();
    }

    @POST
    @Path("shipping")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    public Response chooseShipping(@FormParam("_csrf") String csrf, @FormParam("methodId") String methodId) {
        viewer.requireCsrf(csrf);
        CheckoutDraft draft = draft();
        if (draft == null || draft.address() == null) {
            return Response.seeOther(ADDRESS).build();
        }
        Cart cart = cart(shopper());
        Response away = backToCartUnlessReady(cart);
        if (away != null) {
            return away;
        }
        UUID id = uuid(methodId);
        List<ShippingOption> options = options(cart, draft.address());
        if (id == null || options.stream().noneMatch(o -> id.equals(o.methodId()))) {
            return Response.status(400)
                    .entity(shippingPage(draft, cart, options, "Choose one of the shipping options."))
                    .build();
        }
        viewer.update(viewer.session().withCheckout(draft.withShippingMethod(id)));
        return Response.seeOther(PAYMENT).build();
    }

    // --- 3. payment ---------------------------------------------------------------------------------------

    @GET
    @Path("payment")
    public Response payment() {
        CheckoutDraft draft = draft();
        URI missing = missingBefore(draft, Step.PAYMENT);
        if (missing != null) {
            return Response.seeOther(missing).build();
        }
        Cart cart = cart(shopper());
        Response away = backToCartUnlessReady(cart);
        if (away != null) {
            return away;
        }
        return paymentPage(200, draft, cart, null);
    }

    @POST
    @Path("payment")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    public Response choosePayment(@FormParam("_csrf") String csrf, @FormParam("paymentMethod") String method) {
        viewer.requireCsrf(csrf);
        CheckoutDraft draft = draft();
        URI missing = missingBefore(draft, Step.PAYMENT);
        if (missing != null) {
            return Response.seeOther(missing).build();
        }
        String token = method == null ? null : method.strip();
        boolean acceptable = stripeKey() == null
                ? TestCards.find(token).isPresent()
                : token != null && PAYMENT_METHOD.matcher(token).matches();
        if (!acceptable) {
            return paymentPage(
                    400,
                    draft,
                    cart(shopper()),
                    stripeKey() == null
                            ? "Choose a payment method."
                            : "Your card details could not be read. Enter them again.");
        }
        viewer.update(viewer.session().withCheckout(draft.withPaymentMethod(token)));
        return Response.seeOther(REVIEW).build();
    }

    // --- 4. review and place ------------------------------------------------------------------------------

    @GET
    @Path("review")
    public Response review() {
        CheckoutDraft draft = draft();
        URI missing = missingBefore(draft, Step.REVIEW);
        if (missing != null) {
            return Response.seeOther(missing).build();
        }
        Shopper shopper = shopper();
        Cart cart = cart(shopper);
        Response away = backToCartUnlessReady(cart);
        if (away != null) {
            return away;
        }
        boolean ignoreCode = cart.discountCode() != null && cart.discountProblem() != null;
        Quote quote;
        try {
            quote = calls.quote(new QuoteRequest(
                    cart.currency(),
                    quoteLines(cart),
                    destination(draft.address()),
                    draft.shippingMethodId(),
                    ignoreCode ? null : cart.discountCode()));
        } catch (Refused e) {
            viewer.flash(e.message());
            return Response.seeOther(CART).build();
        } catch (RuntimeException e) {
            throw unavailable(e);
        }
        if (quote.shipping() == null) {
            viewer.update(viewer.session()
                    .withCheckout(draft.withShippingMethod(null))
                    .withFlash("That shipping option is no longer available for this address: choose another."));
            return Response.seeOther(SHIPPING).build();
        }
        var step = new ReviewStep(
                viewer.getCsrf(),
                shopper.guest() ? draft.email() : viewer.getEmail(),
                CheckoutViews.addressOf(draft),
                cart,
                cart.lines().stream().map(ReviewLine::of).toList(),
                quote,
                stripeKey() == null ? TestCards.label(draft.paymentMethod()) : "Card",
                ignoreCode ? cart.discountCode() : null,
                ignoreCode ? cart.discountProblem().detail() : null,
                viewer.takeFlash());
        return Response.ok(CheckoutPages.review(navigation.orEmpty(), step)).build();
    }

    @POST
    @Path("place")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    public Response place(
            @FormParam("_csrf") String csrf,
            @FormParam("expectedTotalMinor") String expectedTotal,
            @FormParam("withoutDiscountCode") String withoutCode) {
        viewer.requireCsrf(csrf);
        CheckoutDraft draft = draft();
        URI missing = missingBefore(draft, Step.REVIEW);
        if (missing != null) {
            return Response.seeOther(missing).build();
        }
        Long expected = amount(expectedTotal);
        if (expected == null) {
            viewer.flash("Please check your order, then place it again.");
            return Response.seeOther(REVIEW).build();
        }
        Shopper shopper = shopper();
        Cart cart = cart(shopper);
        Response away = backToCartUnlessReady(cart);
        if (away != null) {
            return away;
        }
        var order = new PlaceOrder(
                shopper.guest() ? draft.email() : null,
                draft.addressId(),
                draft.addressId() == null ? body(draft.address()) : null,
                draft.shippingMethodId(),
                // Empty: orders then uses no code instead of the cart's, which no longer applies (the review said so).
                "true".equals(withoutCode) ? "" : null,
                draft.paymentMethod(),
                expected);
        RestResponse<CheckoutResult> answer;
        try {
            answer = calls.place(shopper.bearer(), shopper.cartToken(), draft.key(), order);
        } catch (CheckoutRefused e) {
            return refused(draft, cart, e);
        } catch (CheckoutUnavailable e) {
            throw ProblemException.unavailable(
                    "CHECKOUT_UNAVAILABLE",
                    e.getMessage() == null
                            ? "Your order cannot be placed right now; nothing was charged. Try again in a moment."
                            : e.getMessage(),
                    e.retryAfterSeconds() == null ? config.retryAfterSeconds() : e.retryAfterSeconds());
        } catch (RuntimeException e) {
            LOG.debugf(e, "orders unreachable while placing an order");
            // The order may or may not exist now. The draft keeps its key, so placing it again answers the same.
            throw ProblemException.unavailable(
                    "ORDERS_UNAVAILABLE",
                    "We could not reach our order system, so we cannot tell yet whether your order went through."
                            + " Try again in a moment from your cart: it will not be placed twice.",
                    config.retryAfterSeconds());
        }
        CheckoutResult result = answer.getEntity();
        Placed placed = placed(result.order(), cart);
        if (answer.getStatus() == 202) {
            var payment = result.payment();
            viewer.update(viewer.session()
                    .withCheckout(draft.withPlaced(null)
                            .withPending(new Pending(
                                    result.order().id(),
                                    payment == null ? null : payment.clientSecret(),
                                    payment == null ? null : payment.nextActionUrl(),
                                    null))));
            rememberForConfirmation(placed);
            return Response.seeOther(AUTHENTICATE).build();
        }
        finish(draft, placed);
        return Response.seeOther(confirmation(placed.orderId())).build();
    }

    /** Each of orders' refusals goes back to where the shopper can act on it, with its reason in words. */
    private Response refused(CheckoutDraft draft, Cart cart, CheckoutRefused e) {
        String code = e.code() == null ? "" : e.code();
        Session session = viewer.session();
        switch (code) {
            case "PAYMENT_DECLINED", "PAYMENT_FAILED" -> {
                // Orders keeps this key's answer (the declined order): another card needs a new key.
                viewer.update(session.withCheckout(draft.withKey(newKey()).withPaymentMethod(null))
                        .withFlash(declined(e)));
                return Response.seeOther(PAYMENT).build();
            }
            case "OUT_OF_STOCK" -> {
                viewer.update(session.withCheckout(e.orderId() == null ? draft : draft.withKey(newKey()))
                        .withFlash(shortages(e.shortages(), cart)));
                return Response.seeOther(CART).build();
            }
            case "PRICE_CHANGED" -> {
                viewer.update(session.withFlash("The total changed since you looked at it: please check the new"
                        + " total below, then place your order again."));
                return Response.seeOther(REVIEW).build();
            }
            case "CART_EMPTY" -> {
                viewer.update(session.withFlash("Your cart is empty: add something before checking out."));
                return Response.seeOther(CART).build();
            }
            case "CHECKOUT_IN_PROGRESS" -> {
                viewer.update(session.withFlash("Your order is still being placed. Wait a moment, then place it"
                        + " again: it will not be placed twice."));
                return Response.seeOther(REVIEW).build();
            }
            case "IDEMPOTENCY_KEY_REUSED" -> {
                viewer.update(session.withCheckout(draft.withKey(newKey()))
                        .withFlash("Please check your order, then place it again."));
                return Response.seeOther(REVIEW).build();
            }
            default -> {
                if (code.startsWith("DISCOUNT_")) {
                    viewer.update(session.withFlash(e.message()));
                    return Response.seeOther(CART).build();
                }
                boolean aboutShipping = e.errors().stream().anyMatch(f -> "shippingMethodId".equals(f.field()));
                boolean aboutAddress = e.errors().stream()
                        .anyMatch(f -> f.field() != null && f.field().startsWith("shipping"));
                viewer.update(session.withFlash(e.message()));
                return Response.seeOther(aboutShipping ? SHIPPING : aboutAddress ? ADDRESS : REVIEW)
                        .build();
            }
        }
    }

    // --- 5. 3-D Secure, status and confirmation ------------------------------------------------------------

    @GET
    @Path("authenticate")
    public Response authenticate() {
        CheckoutDraft draft = viewer.session().checkout();
        if (draft == null || draft.pending() == null) {
            return Response.seeOther(REVIEW).build();
        }
        Pending pending = draft.pending();
        var step = new AuthenticateStep(
                viewer.getCsrf(),
                pending.orderId(),
                sandboxIntent(pending) != null,
                stripeKey(),
                stripeKey() == null ? null : pending.clientSecret(),
                viewer.takeFlash());
        var response = Response.ok(CheckoutPages.authenticate(navigation.orEmpty(), step));
        if (!step.sandbox() && stripeKey() != null) {
            response.header("Content-Security-Policy", StripeElements.CONTENT_SECURITY_POLICY);
        }
        return response.build();
    }

    /** The sandbox's challenge: the shopper approves or fails it, as on a bank's 3-D Secure page. */
    @POST
    @Path("authenticate")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    public Response completeAuthentication(@FormParam("_csrf") String csrf, @FormParam("approve") String approve) {
        viewer.requireCsrf(csrf);
        CheckoutDraft draft = viewer.session().checkout();
        if (draft == null || draft.pending() == null) {
            return Response.seeOther(REVIEW).build();
        }
        Pending pending = draft.pending();
        String intent = sandboxIntent(pending);
        if (intent == null) {
            return Response.seeOther(status(pending.orderId())).build();
        }
        String result;
        try {
            result = calls.authenticate(intent, pending.clientSecret(), "true".equals(approve))
                    .status();
        } catch (Refused e) {
            // Answered before (a reload, a second tab): the order's own status tells what happened.
            LOG.debugf("sandbox authentication refused: %s", e.code());
            result = pending.result();
        } catch (RuntimeException e) {
            throw unavailable(e);
        }
        viewer.update(viewer.session()
                .withCheckout(draft.withPending(
                        new Pending(pending.orderId(), pending.clientSecret(), pending.nextActionUrl(), result))));
        return Response.seeOther(status(pending.orderId())).build();
    }

    /**
     * Where the shopper lands after 3-D Secure. A customer's order is read back from orders; a guest cannot read
     * orders, so the gateway's answer to the challenge decides: approved → the confirmation (orders finishes the
     * order from the gateway's webhook), failed → the payment step again with a new key.
     */
    @GET
    @Path("status/{orderId}")
    public Response status(@PathParam("orderId") String orderIdText) {
        UUID orderId = uuid(orderIdText);
        CheckoutDraft draft = viewer.session().checkout();
        Pending pending = draft == null ? null : draft.pending();
        if (orderId == null || pending == null || !orderId.equals(pending.orderId())) {
            return Response.seeOther(confirmation(orderId)).build();
        }
        String orderStatus = null;
        if (viewer.isSignedIn() && viewer.bearer() != null) {
            try {
                orderStatus = calls.order(viewer.bearer(), orderId).status();
            } catch (RuntimeException e) {
                LOG.debugf(e, "order %s not readable after authentication", orderId);
            }
        }
        boolean approved = "succeeded".equals(pending.result());
        boolean failed = "PAYMENT_FAILED".equals(orderStatus)
                || "REJECTED".equals(orderStatus)
                || "CANCELLED".equals(orderStatus)
                || (orderStatus == null && pending.result() != null && !approved);
        if (failed) {
            viewer.update(viewer.session()
                    .withCheckout(draft.withPending(null)
                            .withPlaced(null)
                            .withKey(newKey())
                            .withPaymentMethod(null))
                    .withFlash("The payment was not confirmed with your bank, so nothing was charged. Choose a"
                            + " payment method and try again."));
            return Response.seeOther(PAYMENT).build();
        }
        boolean paid = orderStatus != null && !"PENDING_PAYMENT".equals(orderStatus);
        if (paid || (orderStatus == null && approved)) {
            Placed placed = draft.placed();
            if (placed != null && orderId.equals(placed.orderId())) {
                finish(draft, statusOf(placed, paid ? orderStatus : "PENDING_PAYMENT"));
                return Response.seeOther(confirmation(orderId)).build();
            }
        }
        if (pending.result() == null && !paid) {
            return Response.seeOther(AUTHENTICATE).build();
        }
        long number = draft.placed() == null ? 0 : draft.placed().number();
        return Response.ok(CheckoutPages.pending(navigation.orEmpty(), new PendingPage(orderId, number, approved)))
                .build();
    }

    @GET
    @Path("confirmation/{orderId}")
    public Response confirmation(@PathParam("orderId") String orderIdText) {
        UUID orderId = uuid(orderIdText);
        CheckoutDraft draft = viewer.session().checkout();
        if (orderId != null
                && draft != null
                && draft.placed() != null
                && orderId.equals(draft.placed().orderId())) {
            var page = new Confirmation(draft.placed(), CheckoutViews.addressOf(draft));
            return Response.ok(CheckoutPages.confirmation(navigation.orEmpty(), page))
                    .build();
        }
        if (orderId != null && viewer.isSignedIn() && viewer.bearer() != null) {
            try {
                Order order = calls.order(viewer.bearer(), orderId);
                var page = new Confirmation(placed(order, null), addressLines(order));
                return Response.ok(CheckoutPages.confirmation(navigation.orEmpty(), page))
                        .build();
            } catch (Refused e) {
                // Not this customer's order: the same 404 as an unknown one.
            } catch (RuntimeException e) {
                throw unavailable(e);
            }
        }
        throw ProblemException.notFound(
                "ORDER_NOT_FOUND",
                "We could not find that order here. Your order confirmation email has all its details.");
    }

    // --- pages ----------------------------------------------------------------------------------------------

    private Object addressPage(
            Shopper shopper, AddressForm form, Map<String, String> problems, UUID chosen, boolean newChosen) {
        List<SavedAddress> saved = List.of();
        String notice = viewer.takeFlash();
        if (!shopper.guest()) {
            try {
                List<BookAddress> book = addressBook(shopper);
                UUID selected = chosen != null
                        ? chosen
                        : newChosen
                                ? null
                                : book.stream()
                                        .filter(BookAddress::defaultShipping)
                                        .map(BookAddress::id)
                                        .findFirst()
                                        .orElse(
                                                book.isEmpty()
                                                        ? null
                                                        : book.getFirst().id());
                saved = book.stream()
                        .map(a -> new SavedAddress(
                                a.id(),
                                a.label(),
                                String.join(", ", CheckoutViews.lines(CheckoutViews.address(a))),
                                a.id().equals(selected)))
                        .toList();
            } catch (ProblemException e) {
                notice = "Your saved addresses cannot be loaded right now: enter the address below.";
            }
        }
        boolean newAddress = saved.stream().noneMatch(SavedAddress::selected);
        var step = new AddressStep(
                viewer.getCsrf(),
                shopper.guest(),
                viewer.getEmail(),
                form,
                problems,
                saved,
                newAddress,
                notice,
                CheckoutViews.countries(form.country()));
        return CheckoutPages.address(navigation.orEmpty(), step);
    }

    private Object shippingPage(CheckoutDraft draft, Cart cart, List<ShippingOption> options, String problem) {
        UUID chosen = draft.shippingMethodId() != null
                ? draft.shippingMethodId()
                : options.isEmpty() ? null : options.getFirst().methodId();
        var choices = options.stream()
                .map(o -> new ShippingChoice(o, o.methodId().equals(chosen), delivery(o), freeNote(o)))
                .toList();
        var step = new ShippingStep(
                viewer.getCsrf(),
                CheckoutViews.addressOf(draft),
                cart.currency(),
                choices,
                problem,
                viewer.takeFlash());
        return CheckoutPages.shipping(navigation.orEmpty(), step);
    }

    private Response paymentPage(int status, CheckoutDraft draft, Cart cart, String problem) {
        String chosen = draft.paymentMethod();
        var cards = TestCards.ALL.stream()
                .map(card -> new PaymentChoice(card, card.token().equals(chosen)))
                .toList();
        var step = new PaymentStep(
                viewer.getCsrf(), cards, stripeKey(), problem, viewer.takeFlash(), cart.currency(), cart.totalMinor());
        var response = Response.status(status).entity(CheckoutPages.payment(navigation.orEmpty(), step));
        if (step.stripe()) {
            // Only this page loads Stripe's script and frames; every other page keeps the self-only policy.
            response.header("Content-Security-Policy", StripeElements.CONTENT_SECURITY_POLICY);
        }
        return response.build();
    }

    private static String delivery(ShippingOption o) {
        if (o.deliveryEstimate() == null) {
            return null;
        }
        int min = o.deliveryEstimate().minDays();
        int max = o.deliveryEstimate().maxDays();
        return min == max ? min + " business days" : min + "–" + max + " business days";
    }

    /** Orders names the kind, not the threshold: say what is true for this cart. */
    private static String freeNote(ShippingOption o) {
        if (!"FREE_OVER".equals(o.kind())) {
            return null;
        }
        return o.priceMinor() == 0
                ? "Free for this order: it is over the free-shipping minimum."
                : "Free above a minimum order value.";
    }

    // --- the shopper, the cart, the draft -------------------------------------------------------------------

    /** A customer is named by the bearer token, a guest by the session's cart token (see the cart package). */
    private record Shopper(String bearer, String cartToken) {
        boolean guest() {
            return bearer == null;
        }
    }

    private Shopper shopper() {
        Session session = guestCarts.mergeIntoCustomerCart();
        String bearer = session.signedIn() ? viewer.bearer() : null;
        return new Shopper(bearer, bearer == null ? viewer.session().cartToken() : null);
    }

    private Cart cart(Shopper shopper) {
        if (shopper.bearer() == null && shopper.cartToken() == null) {
            return new Cart(List.of(), null, 0, 0, null, null);
        }
        try {
            Cart cart = calls.cart(shopper.bearer(), shopper.cartToken());
            return cart == null ? new Cart(List.of(), null, 0, 0, null, null) : cart;
        } catch (Refused e) {
            // Orders no longer knows this cart token: for the shopper, an empty cart.
            return new Cart(List.of(), null, 0, 0, null, null);
        } catch (RuntimeException e) {
            throw unavailable(e);
        }
    }

    /** Checkout needs a cart with only buyable lines; otherwise the cart page says what to do. */
    private Response backToCartUnlessReady(Cart cart) {
        if (cart.empty()) {
            viewer.flash("Your cart is empty: add something before checking out.");
            return Response.seeOther(CART).build();
        }
        List<CartLine> unavailable = cart.unavailable();
        if (!unavailable.isEmpty()) {
            viewer.flash("Some items are no longer available: "
                    + unavailable.stream().map(CartLine::name).collect(Collectors.joining(", "))
                    + ". Remove them to check out.");
            return Response.seeOther(CART).build();
        }
        return null;
    }

    /** The checkout in progress; a finished one (placed) does not count. */
    private CheckoutDraft draft() {
        CheckoutDraft draft = viewer.session().checkout();
        return draft == null || draft.placed() != null || draft.pending() != null ? null : draft;
    }

    /** The draft to change at the address step: the one in progress, or a new one with its own key. */
    private CheckoutDraft draftFor(Shopper shopper) {
        CheckoutDraft draft = draft();
        return draft != null ? draft : new CheckoutDraft(newKey(), null, null, null, null, null, null, null);
    }

    private enum Step {
        PAYMENT,
        REVIEW
    }

    private static URI missingBefore(CheckoutDraft draft, Step step) {
        if (draft == null || draft.address() == null) {
            return ADDRESS;
        }
        if (draft.shippingMethodId() == null) {
            return SHIPPING;
        }
        if (step == Step.REVIEW && draft.paymentMethod() == null) {
            return PAYMENT;
        }
        return null;
    }

    private List<BookAddress> addressBook(Shopper shopper) {
        try {
            return calls.addresses(shopper.bearer());
        } catch (Refused e) {
            return List.of();
        } catch (RuntimeException e) {
            LOG.debugf(e, "users unreachable for the address book");
            throw ProblemException.unavailable(
                    "USERS_UNAVAILABLE",
                    "Your saved addresses cannot be loaded right now. Try again in a moment.",
                    config.retryAfterSeconds());
        }
    }

    private List<ShippingOption> options(Cart cart, Address address) {
        try {
            var answer = calls.shippingOptions(
                    address.country(),
                    address.region(),
                    cart.currency(),
                    cart.subtotalMinor(),
                    quoteLines(cart).stream()
                            .mapToLong(l -> l.weightGrams() == null ? 0 : l.weightGrams() * l.quantity())
                            .sum());
            return answer.options() == null ? List.of() : answer.options();
        } catch (Refused e) {
            return List.of();
        } catch (RuntimeException e) {
            throw unavailable(e);
        }
    }

    /** The cart's lines at orders' prices, with products' unit weights for weight-based shipping. */
    private List<QuoteLine> quoteLines(Cart cart) {
        Map<String, Integer> weights = new LinkedHashMap<>();
        for (UUID productId : cart.lines().stream()
                .map(CartLine::productId)
                .filter(Objects::nonNull)
                .distinct()
                .toList()) {
            try {
                var product = calls.weights(productId);
                if (product.variants() != null) {
                    product.variants().stream()
                            .filter(v -> v.weightGrams() != null)
                            .forEach(v -> weights.put(v.sku(), v.weightGrams()));
                }
            } catch (Refused e) {
                // Gone from the catalog: orders will say so when the cart is read next.
            } catch (RuntimeException e) {
                throw unavailable(e);
            }
        }
        return cart.lines().stream()
                .map(l -> new QuoteLine(
                        l.sku(),
                        l.unitPriceMinor(),
                        l.quantity(),
                        weights.containsKey(l.sku()) ? weights.get(l.sku()).longValue() : null))
                .toList();
    }

    private static Destination destination(Address address) {
        return new Destination(address.country(), address.region());
    }

    private static AddressBody body(Address a) {
        return new AddressBody(
                a.recipientName(),
                a.company(),
                a.line1(),
                a.line2(),
                a.city(),
                a.region(),
                a.postalCode(),
                a.country(),
                a.phone());
    }

    // --- outcomes -------------------------------------------------------------------------------------------

    /** The checkout is over: the draft keeps only what its confirmation page shows. */
    private void finish(CheckoutDraft draft, Placed placed) {
        viewer.update(viewer.session()
                .withCheckout(new CheckoutDraft(
                        null, draft.email(), draft.addressId(), draft.address(), null, null, null, placed)));
    }

    private void rememberForConfirmation(Placed placed) {
        CheckoutDraft draft = viewer.session().checkout();
        viewer.update(viewer.session().withCheckout(draft.withPlaced(placed)));
    }

    private static Placed placed(Order order, Cart cart) {
        List<PlacedLine> lines = new ArrayList<>();
        int total = 0;
        if (order.lines() != null && !order.lines().isEmpty()) {
            total = order.lines().size();
            order.lines().stream()
                    .limit(PLACED_LINES)
                    .forEach(l -> lines.add(new PlacedLine(shortName(l.name()), l.quantity(), l.lineTotalMinor())));
        } else if (cart != null && cart.lines() != null) {
            total = cart.lines().size();
            cart.lines().stream()
                    .limit(PLACED_LINES)
                    .forEach(l -> lines.add(new PlacedLine(shortName(l.name()), l.quantity(), l.lineTotalMinor())));
        }
        return new Placed(
                order.id(),
                order.number(),
                order.email(),
                order.status(),
                order.currency(),
                order.subtotalMinor(),
                order.discountMinor(),
                order.shippingMinor(),
                order.taxMinor(),
                order.totalMinor(),
                order.shippingMethod(),
                lines,
                Math.max(0, total - lines.size()));
    }

    private static Placed statusOf(Placed p, String status) {
        return new Placed(
                p.orderId(),
                p.number(),
                p.email(),
                status,
                p.currency(),
                p.subtotalMinor(),
                p.discountMinor(),
                p.shippingMinor(),
                p.taxMinor(),
                p.totalMinor(),
                p.shippingMethod(),
                p.lines(),
                p.moreLines());
    }

    private static List<String> addressLines(Order order) {
        var a = order.shippingAddress();
        if (a == null || a.isNull()) {
            return List.of();
        }
        return CheckoutViews.lines(new Address(
                text(a, "recipientName"),
                text(a, "company"),
                text(a, "line1"),
                text(a, "line2"),
                text(a, "city"),
                text(a, "region"),
                text(a, "postalCode"),
                text(a, "country"),
                null));
    }

    private static String text(com.fasterxml.jackson.databind.JsonNode node, String field) {
        var value = node.get(field);
        return value == null || value.isNull() ? null : value.asText();
    }

    private static String shortName(String name) {
        if (name == null) {
            return "";
        }
        return name.length() <= PLACED_NAME_LENGTH ? name : name.substring(0, PLACED_NAME_LENGTH - 1) + "…";
    }

    private static String declined(CheckoutRefused e) {
        String reason = switch (e.declineCode() == null ? "" : e.declineCode()) {
            case "insufficient_funds" -> " for insufficient funds";
            case "expired_card" -> ": the card has expired";
            case "incorrect_cvc" -> ": the security code is not right";
            case "payment_intent_authentication_failure" -> ": the payment was not confirmed with your bank";
            default -> "";
        };
        if ("PAYMENT_FAILED".equals(e.code())) {
            return "The payment could not be made, so nothing was charged. Your cart is kept: choose a payment method"
                    + " and try again.";
        }
        return "Your card was declined" + reason + ". Nothing was charged and your cart is kept: choose another"
                + " payment method.";
    }

    /** "Sky Kite: you asked for 3, 1 left" for each short line, named as the cart names them. */
    private static String shortages(List<Shortage> shortages, Cart cart) {
        Map<String, String> names =
                cart.lines().stream().collect(Collectors.toMap(CartLine::sku, CartLine::name, (a, b) -> a));
        if (shortages.isEmpty()) {
            return "Some items in your cart are out of stock now. Nothing was charged.";
        }
        String each = shortages.stream()
                .map(s -> names.getOrDefault(s.sku(), s.sku())
                        + (s.available() == 0
                                ? " (sold out)"
                                : " (you asked for " + s.requested() + ", only " + s.available() + " left)"))
                .collect(Collectors.joining("; "));
        return "Not enough stock for: " + each + ". Nothing was charged: change the quantities, then check out again.";
    }

    // --- small things ---------------------------------------------------------------------------------------

    private String stripeKey() {
        return payments.stripePublishableKey().filter(k -> !k.isBlank()).orElse(null);
    }

    /** The sandbox intent id when orders asked for its own 3-D Secure page; null for Stripe's. */
    private static String sandboxIntent(Pending pending) {
        if (pending.nextActionUrl() == null) {
            return null;
        }
        Matcher m = SANDBOX_CHALLENGE.matcher(pending.nextActionUrl());
        return m.matches() ? m.group(1) : null;
    }

    private ProblemException unavailable(RuntimeException cause) {
        LOG.debugf(cause, "a service the checkout needs is unreachable");
        return ProblemException.unavailable(
                "CHECKOUT_UNAVAILABLE",
                "Checkout is not available right now. Your cart is kept; try again in a moment.",
                config.retryAfterSeconds());
    }

    private static URI confirmation(UUID orderId) {
        return URI.create("/checkout/confirmation/" + orderId);
    }

    private static URI status(UUID orderId) {
        return URI.create("/checkout/status/" + orderId);
    }

    static String newKey() {
        return "web-" + UUID.randomUUID();
    }

    private static UUID uuid(String value) {
        try {
            return value == null ? null : UUID.fromString(value.strip());
        } catch (IllegalArgumentException e) {
            return null;
        }
    }

    private static Long amount(String value) {
        try {
            long amount = Long.parseLong(value == null ? "" : value.strip());
            return amount >= 0 ? amount : null;
        } catch (NumberFormatException e) {
            return null;
        }
    }

    /** The address step's form fields. */
    public static class AddressFields {
        @FormParam("savedAddress")
        String savedAddress;

        @FormParam("email")
        String email;

        @FormParam("recipientName")
        String recipientName;

        @FormParam("company")
        String company;

        @FormParam("line1")
        String line1;

        @FormParam("line2")
        String line2;

        @FormParam("city")
        String city;

        @FormParam("region")
        String region;

        @FormParam("postalCode")
        String postalCode;

        @FormParam("country")
        String country;

        @FormParam("phone")
        String phone;

        AddressForm form() {
            return new AddressForm(
                    email, recipientName, company, line1, line2, city, region, postalCode, country, phone);
        }
    }
}
