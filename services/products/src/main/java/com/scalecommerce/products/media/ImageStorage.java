package com.scalecommerce.products.media;

import java.util.Optional;

/**
 * Where product images live. The default keeps them in a local directory; an object store (S3, GCS) is
 * another implementation of this port. Keys are content-addressed by the caller, so a stored key never
 * changes content and can be cached forever.
 */
public interface ImageStorage {

    record StoredImage(byte[] content, String contentType) {}

    void put(String key, byte[] content, String contentType);

    Optional<StoredImage> get(String key);

    boolean exists(String key);

    /** The key an image is stored under: the SHA-256 of its bytes, so equal images share one file. */
    static String contentKey(byte[] content, String extension) {
        try {
            return java.util.HexFormat.of()
                            .formatHex(java.security.MessageDigest.getInstance("SHA-256")
                                    .digest(content))
                    + "." + extension;
        } catch (java.security.NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    /** The path under which the service serves the image, e.g. {@code /media/ab12....svg}. */
    default String urlFor(String key) {
        return "/media/" + key;
    }
}
