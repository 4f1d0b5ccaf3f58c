package com.scalecommerce.products.catalog;

import com.scalecommerce.products.search.SqlFragment;
import java.util.ArrayList;
import java.util.List;

/** Appends SQL text and its parameters together, so placeholders and values can never drift apart. */
final class SqlBuilder {

    private final StringBuilder sql = new StringBuilder();
    private final List<Object> params = new ArrayList<>();

    SqlBuilder add(String text, Object... values) {
        sql.append(text);
        params.addAll(java.util.Arrays.asList(values));
        return this;
    }

    SqlBuilder add(SqlFragment fragment) {
        sql.append(fragment.sql());
        params.addAll(fragment.params());
        return this;
    }

    String sql() {
        return sql.toString();
    }

    List<Object> params() {
        return params;
    }
}
