package com.scalecommerce.products.media;

import com.scalecommerce.platform.web.problem.ProblemException;
import jakarta.enterprise.context.ApplicationScoped;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;

/**
 * Accepts an uploaded image: checks its size and real type, and stores it under the SHA-256 of its bytes, so the
 * same picture uploaded twice is stored once and a key's content never changes (which is what lets it be cached
 * for a year).
 */
@ApplicationScoped
public class ImageUploads {

    private final ImageStorage storage;
    private final MediaConfig config;

    ImageUploads(ImageStorage storage, MediaConfig config) {
        this.storage = storage;
        this.config = config;
    }

    public record StoredUpload(String key, String url, String contentType, int width, int height) {}

    /** Reads at most the size limit plus one byte, so an oversized body is refused without being buffered. */
    public StoredUpload store(InputStream body) {
        try {
            byte[] content = body.readNBytes(config.maxUploadBytes() + 1);
            return store(content);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public StoredUpload store(byte[] content) {
        if (content.length == 0) {
            throw ProblemException.badRequest("IMAGE_EMPTY", "The request carries no image.");
        }
        if (content.length > config.maxUploadBytes()) {
            throw new ProblemException(
                    413,
                    "IMAGE_TOO_LARGE",
                    "Payload too large",
                    "Images may be at most " + config.maxUploadBytes() + " bytes.");
        }
        var sniffed = ImageFormat.sniff(content).orElseThrow(() -> unsupported(content));
        if ((long) sniffed.width() * sniffed.height() > config.maxPixels()) {
            throw new ProblemException(
                    413,
                    "IMAGE_TOO_LARGE",
                    "Payload too large",
                    "Images may have at most " + config.maxPixels() + " pixels.");
        }
        String key = ImageStorage.contentKey(content, sniffed.format().extension());
        if (!storage.exists(key)) {
            storage.put(key, content, sniffed.format().contentType());
        }
        return new StoredUpload(
                key, storage.urlFor(key), sniffed.format().contentType(), sniffed.width(), sniffed.height());
    }

    private static ProblemException unsupported(byte[] content) {
        String detail = ImageFormat.looksLikeSvg(content)
                ? "SVG images are not accepted (they can carry scripts); upload PNG, JPEG, WebP or GIF."
                : "The content is not a PNG, JPEG, WebP or GIF image.";
        return new ProblemException(415, "UNSUPPORTED_IMAGE_TYPE", "Unsupported media type", detail);
    }
}
