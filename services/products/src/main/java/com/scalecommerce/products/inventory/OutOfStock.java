package com.scalecommerce.products.inventory;

import com.scalecommerce.platform.web.problem.Problem;
import com.scalecommerce.platform.web.problem.ProblemException;
import java.util.List;
import java.util.Map;

/** Some lines of a reservation cannot be held: each shortage says how many are available now. */
public class OutOfStock extends ProblemException {

    public record Shortage(String sku, int requested, int available) {}

    private final List<Shortage> shortages;

    OutOfStock(List<Shortage> shortages, List<Problem.FieldError> errors) {
        super(
                409,
                "OUT_OF_STOCK",
                "Out of stock",
                "Not enough stock for " + shortages.size() + " of the requested SKUs; nothing was reserved.",
                errors,
                Map.of());
        this.shortages = List.copyOf(shortages);
    }

    public List<Shortage> shortages() {
        return shortages;
    }
}
