package com.scalecommerce.products.media;

import java.nio.charset.StandardCharsets;
import java.util.Optional;

/**
 * The raster formats accepted for product images, recognised by their magic bytes and header, never by the
 * name or Content-Type the client sent. SVG is refused: it is a document that can carry scripts and external
 * references, and sanitising it well is a project of its own.
 */
public enum ImageFormat {
    PNG("image/png", "png"),
    JPEG("image/jpeg", "jpg"),
    GIF("image/gif", "gif"),
    WEBP("image/webp", "webp");

    private final String contentType;
    private final String extension;

    ImageFormat(String contentType, String extension) {
        this.contentType = contentType;
        this.extension = extension;
    }

    public String contentType() {
        return contentType;
    }

    public String extension() {
        return extension;
    }

    /** What the header says: the format and the pixel size. Empty when the bytes are not one of our formats. */
    public record Sniffed(ImageFormat format, int width, int height) {}

    public static Optional<Sniffed> sniff(byte[] b) {
        try {
            if (startsWith(b, 0, 0x89, 'P', 'N', 'G', 0x0D, 0x0A, 0x1A, 0x0A)
                    && ascii(b, 12, 4).equals("IHDR")) {
                return sized(PNG, int32be(b, 16), int32be(b, 20));
            }
            if (ascii(b, 0, 6).equals("GIF87a") || ascii(b, 0, 6).equals("GIF89a")) {
                return sized(GIF, uint16le(b, 6), uint16le(b, 8));
            }
            if (ascii(b, 0, 4).equals("RIFF") && ascii(b, 8, 4).equals("WEBP")) {
                return webp(b);
            }
            if (startsWith(b, 0, 0xFF, 0xD8, 0xFF)) {
                return jpeg(b);
            }
        } catch (ArrayIndexOutOfBoundsException truncated) {
            return Optional.empty();
        }
        return Optional.empty();
    }

    /** True when the bytes look like SVG or other XML, so the refusal can say why. */
    public static boolean looksLikeSvg(byte[] b) {
        String head = new String(b, 0, Math.min(b.length, 512), StandardCharsets.UTF_8)
                .stripLeading()
                .toLowerCase();
        return head.startsWith("<?xml") || head.startsWith("<svg") || head.contains("<svg");
    }

    private static Optional<Sniffed> webp(byte[] b) {
        String chunk = ascii(b, 12, 4);
        switch (chunk) {
            case "VP8 " -> {
                if (!startsWith(b, 23, 0x9D, 0x01, 0x2A)) {
                    return Optional.empty();
                }
                return sized(WEBP, uint16le(b, 26) & 0x3FFF, uint16le(b, 28) & 0x3FFF);
            }
            case "VP8L" -> {
                if ((b[20] & 0xFF) != 0x2F) {
                    return Optional.empty();
                }
                long bits = (b[21] & 0xFFL) | (b[22] & 0xFFL) << 8 | (b[23] & 0xFFL) << 16 | (b[24] & 0xFFL) << 24;
                return sized(WEBP, (int) (bits & 0x3FFF) + 1, (int) ((bits >> 14) & 0x3FFF) + 1);
            }
            case "VP8X" -> {
                return sized(WEBP, uint24le(b, 24) + 1, uint24le(b, 27) + 1);
            }
            default -> {
                return Optional.empty();
            }
        }
    }

    // Walks the marker segments up to the first start-of-frame, which holds the size.
    private static Optional<Sniffed> jpeg(byte[] b) {
        int i = 2;
        while (i + 9 < b.length) {
            if ((b[i] & 0xFF) != 0xFF) {
                return Optional.empty();
            }
            int marker = b[i + 1] & 0xFF;
            if (marker == 0xFF) {
                i++;
                continue;
            }
            int length = uint16be(b, i + 2);
            boolean startOfFrame =
                    marker >= 0xC0 && marker <= 0xCF && marker != 0xC4 && marker != 0xC8 && marker != 0xCC;
            if (startOfFrame) {
                return sized(JPEG, uint16be(b, i + 7), uint16be(b, i + 5));
            }
            if (length < 2) {
                return Optional.empty();
            }
            i += 2 + length;
        }
        return Optional.empty();
    }

    private static Optional<Sniffed> sized(ImageFormat format, int width, int height) {
        return width > 0 && height > 0 ? Optional.of(new Sniffed(format, width, height)) : Optional.empty();
    }

    private static boolean startsWith(byte[] b, int offset, int... expected) {
        if (b.length < offset + expected.length) {
            return false;
        }
        for (int i = 0; i < expected.length; i++) {
            if ((b[offset + i] & 0xFF) != expected[i]) {
                return false;
            }
        }
        return true;
    }

    private static String ascii(byte[] b, int offset, int length) {
        if (b.length < offset + length) {
            return "";
        }
        return new String(b, offset, length, StandardCharsets.ISO_8859_1);
    }

    private static int int32be(byte[] b, int i) {
        return (b[i] & 0xFF) << 24 | (b[i + 1] & 0xFF) << 16 | (b[i + 2] & 0xFF) << 8 | (b[i + 3] & 0xFF);
    }

    private static int uint16be(byte[] b, int i) {
        return (b[i] & 0xFF) << 8 | (b[i + 1] & 0xFF);
    }

    private static int uint16le(byte[] b, int i) {
        return (b[i] & 0xFF) | (b[i + 1] & 0xFF) << 8;
    }

    private static int uint24le(byte[] b, int i) {
        return (b[i] & 0xFF) | (b[i + 1] & 0xFF) << 8 | (b[i + 2] & 0xFF) << 16;
    }
}
