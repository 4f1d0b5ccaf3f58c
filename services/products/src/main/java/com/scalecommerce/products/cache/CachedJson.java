package com.scalecommerce.products.cache;

/**
 * A rendered public response: the JSON body, its strong ETag, and how many results it holds (a search needs the
 * count for its event even when the response comes from the cache).
 */
public record CachedJson(String json, String etag, long resultCount) {

    String serialise() {
        return etag + "\n" + resultCount + "\n" + json;
    }

    static CachedJson deserialise(String stored) {
        int first = stored.indexOf('\n');
        int second = stored.indexOf('\n', first + 1);
        if (first < 0 || second < 0) {
            return null;
        }
        return new CachedJson(
                stored.substring(second + 1),
                stored.substring(0, first),
                Long.parseLong(stored.substring(first + 1, second)));
    }
}
