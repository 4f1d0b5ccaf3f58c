package com.scalecommerce.products.review;

import com.scalecommerce.platform.web.problem.ProblemException;
import java.util.Arrays;
import java.util.stream.Collectors;

/**
 * Shoppers' sort orders. Each is "key descending, then newest first", so one keyset cursor shape
 * (key, created_at, id) pages through all of them.
 */
enum ReviewSort {
    NEWEST("newest", "0::bigint"),
    RATING_DESC("rating-desc", "r.rating"),
    RATING_ASC("rating-asc", "-r.rating"),
    HELPFUL("helpful", "r.helpful_count");

    final String parameter;
    final String keyExpression;

    ReviewSort(String parameter, String keyExpression) {
        this.parameter = parameter;
        this.keyExpression = keyExpression;
    }

    static ReviewSort parse(String value) {
        if (value == null || value.isBlank()) {
            return NEWEST;
        }
        return Arrays.stream(values())
                .filter(sort -> sort.parameter.equals(value))
                .findFirst()
                .orElseThrow(() -> ProblemException.invalidField(
                        "sort",
                        "must be one of "
                                + Arrays.stream(values()).map(s -> s.parameter).collect(Collectors.joining(", "))));
    }
}
