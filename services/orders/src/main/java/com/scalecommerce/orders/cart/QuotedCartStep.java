package com.scalecommerce.orders.cart;

import com.scalecommerce.orders.pricing.Quote;
import com.scalecommerce.orders.pricing.QuoteCalculator;
import com.scalecommerce.orders.pricing.QuoteRequest;
import com.scalecommerce.orders.pricing.discount.DiscountCustomer;
import com.scalecommerce.platform.web.problem.ProblemException;
import jakarta.enterprise.context.ApplicationScoped;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;

/**
 * Prices the cart with the pricing package's {@link QuoteCalculator}, the same calculation checkout charges by,
 * so the view's discount, shipping estimate, tax and total are the ones the shopper will pay for these lines
 * (the estimate takes the cheapest method for the destination). It prices the available lines itself and does
 * not build on earlier steps' adjustments: the quote is the whole price.
 */
@ApplicationScoped
class QuotedCartStep implements CartPricingStep {

    static final int ORDER = 200;

    private static final Priced NOTHING = new Priced(List.of(), null);

    private final QuoteCalculator calculator;

    QuotedCartStep(QuoteCalculator calculator) {
        this.calculator = calculator;
    }

    @Override
    public int order() {
        return ORDER;
    }

    @Override
    public List<CartAdjustment> adjust(PricedCart cart, List<CartAdjustment> earlier) {
        return price(cart, earlier).adjustments();
    }

    // A code that applied when the shopper entered it may stop applying (it expired, the cart shrank below its
    // minimum, its uses ran out): the view then shows the cart without it and why, instead of failing.
    @Override
    public Priced price(PricedCart cart, List<CartAdjustment> earlier) {
        if (!hasPricedLines(cart) || (cart.discountCode() == null && cart.destination() == null)) {
            return NOTHING;
        }
        boolean estimate = cart.destination() != null;
        try {
            return new Priced(
                    adjustments(calculator.quote(request(cart, cart.discountCode(), estimate)), estimate), null);
        } catch (ProblemException e) {
            if (cart.discountCode() == null || !isDiscountRefusal(e)) {
                throw e;
            }
            var problem = new CartView.DiscountProblem(e.code(), e.getMessage());
            List<CartAdjustment> withoutCode =
                    estimate ? adjustments(calculator.quote(request(cart, null, true)), true) : List.of();
            return new Priced(withoutCode, problem);
        }
    }

    /**
     * The code as the shop spells it when it applies to this cart now; otherwise the pricing package's 422
     * problem (DISCOUNT_NOT_FOUND, DISCOUNT_EXPIRED, DISCOUNT_MIN_SUBTOTAL...) goes to the caller.
     */
    String check(PricedCart cart, String code) {
        Quote quote = calculator.quote(request(cart, code, false));
        return quote.discount().code();
    }

    static boolean hasPricedLines(PricedCart cart) {
        return cart.currency() != null && cart.lines().stream().anyMatch(QuotedCartStep::priced);
    }

    private static boolean isDiscountRefusal(ProblemException e) {
        return e.status() == 422 && e.code() != null && e.code().startsWith("DISCOUNT_");
    }

    private static boolean priced(CartView.Line line) {
        return line.available() && line.unitPriceMinor() != null;
    }

    private static QuoteRequest request(PricedCart cart, String code, boolean withDestination) {
        var lines = cart.lines().stream()
                .filter(QuotedCartStep::priced)
                .map(l -> {
                    Integer weight = cart.unitWeightGrams().get(l.sku());
                    return new QuoteRequest.Line(
                            l.sku(), l.unitPriceMinor(), l.quantity(), weight == null ? null : weight.longValue());
                })
                .toList();
        var destination = withDestination && cart.destination() != null
                ? new QuoteRequest.Destination(
                        cart.destination().country(), cart.destination().region())
                : null;
        var customer = cart.owner().userId().map(DiscountCustomer::customer).orElse(null);
        return new QuoteRequest(cart.currency(), lines, destination, null, code, customer);
    }

    private static List<CartAdjustment> adjustments(Quote quote, boolean estimate) {
        List<CartAdjustment> adjustments = new ArrayList<>(3);
        if (quote.discount() != null) {
            String code = quote.discount().code();
            adjustments.add(new CartAdjustment(
                    CartAdjustment.Kind.DISCOUNT, code, "Discount code " + code, -quote.discountMinor()));
        }
        if (quote.shipping() != null) {
            adjustments.add(new CartAdjustment(
                    CartAdjustment.Kind.SHIPPING,
                    quote.shipping().methodId().toString(),
                    quote.shipping().name(),
                    quote.shippingMinor()));
        }
        // Without a destination there is no tax yet; with one, a zero tax (no rate there) is an answer too.
        if (estimate) {
            adjustments.add(tax(quote));
        }
        return adjustments;
    }

    private static CartAdjustment tax(Quote quote) {
        BigDecimal rate = quote.taxRatePercent() == null ? BigDecimal.ZERO : quote.taxRatePercent();
        String percent = rate.stripTrailingZeros().toPlainString() + "%";
        return quote.pricesIncludeTax()
                ? new CartAdjustment(CartAdjustment.Kind.TAX, "TAX", "Included tax " + percent, quote.taxMinor(), true)
                : new CartAdjustment(CartAdjustment.Kind.TAX, "TAX", "Tax " + percent, quote.taxMinor());
    }
}
