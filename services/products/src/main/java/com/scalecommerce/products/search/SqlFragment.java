package com.scalecommerce.products.search;

import java.util.List;

/** A piece of SQL and the values of its placeholders, in order, so callers can compose queries safely. */
public record SqlFragment(String sql, List<Object> params) {

    public SqlFragment {
        params = List.copyOf(params);
    }

    public static SqlFragment of(String sql, Object... params) {
        return new SqlFragment(sql, List.of(params));
    }
}
