package com.scalecommerce.platform.web.paging;

import java.util.List;

/** One page of a list, as every list endpoint answers it; {@code nextCursor} is null on the last page. */
public record Page<T>(List<T> items, String nextCursor) {

    /** The page size a client asked for, or {@code defaultSize}; outside 1..max is a 400 on {@code limit}. */
    public static int size(Integer requested, int defaultSize, int max) {
        if (requested == null) {
            return defaultSize;
        }
        if (requested < 1 || requested > max) {
            throw com.scalecommerce.platform.web.problem.ProblemException.invalidField(
                    "limit", "must be between 1 and " + max);
        }
        return requested;
    }

    /**
     * Cuts a page from rows fetched with {@code limit + 1}: the extra row only tells that there is a next page,
     * and the cursor points after the last row kept.
     */
    public static <T> Page<T> of(
            List<T> rowsFetchedWithOneExtra, int limit, java.util.function.Function<T, String> cursorAfter) {
        if (rowsFetchedWithOneExtra.size() <= limit) {
            return new Page<>(List.copyOf(rowsFetchedWithOneExtra), null);
        }
        List<T> page = List.copyOf(rowsFetchedWithOneExtra.subList(0, limit));
        return new Page<>(page, cursorAfter.apply(page.getLast()));
    }
}
