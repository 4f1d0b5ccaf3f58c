package com.scalecommerce.web.storefront;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

final class Urls {

    private Urls() {}

    static String encode(String value) {
        return URLEncoder.encode(value, StandardCharsets.UTF_8);
    }

    static String encodePath(String segment) {
        return encode(segment).replace("+", "%20");
    }

    /** {@code path?k=v&k=v2...}, keys in the map's order. */
    static String withQuery(String path, Map<String, List<String>> params) {
        String query = params.entrySet().stream()
                .flatMap(e -> e.getValue().stream().map(v -> encode(e.getKey()) + "=" + encode(v)))
                .collect(Collectors.joining("&"));
        return query.isEmpty() ? path : path + "?" + query;
    }
}
