package com.scalecommerce.products.media;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

class ImageFormatTest {

    @Test
    void readsTypeAndSizeFromPngJpegAndGifHeaders() {
        assertThat(ImageFormat.sniff(ImagesTest.image("png", 3, 5)))
                .hasValue(new ImageFormat.Sniffed(ImageFormat.PNG, 3, 5));
        assertThat(ImageFormat.sniff(ImagesTest.image("jpg", 640, 480)))
                .hasValue(new ImageFormat.Sniffed(ImageFormat.JPEG, 640, 480));
        assertThat(ImageFormat.sniff(ImagesTest.image("gif", 12, 34)))
                .hasValue(new ImageFormat.Sniffed(ImageFormat.GIF, 12, 34));
    }

    @Test
    void readsLossyLosslessAndExtendedWebpHeaders() {
        assertThat(ImageFormat.sniff(webp("VP8X", 0, 0))).hasValue(new ImageFormat.Sniffed(ImageFormat.WEBP, 300, 200));
        byte[] lossless = webp("VP8L", 0, 0);
        assertThat(ImageFormat.sniff(lossless)).hasValue(new ImageFormat.Sniffed(ImageFormat.WEBP, 300, 200));
        assertThat(ImageFormat.sniff(webp("VP8 ", 0, 0))).hasValue(new ImageFormat.Sniffed(ImageFormat.WEBP, 300, 200));
    }

    @Test
    void recognisesNothingElse() {
        assertThat(ImageFormat.sniff("<svg/>".getBytes(StandardCharsets.UTF_8))).isEmpty();
        assertThat(ImageFormat.looksLikeSvg("  <?xml version=\"1.0\"?><svg/>".getBytes(StandardCharsets.UTF_8)))
                .isTrue();
        assertThat(ImageFormat.sniff(new byte[] {(byte) 0x89, 'P', 'N', 'G'})).isEmpty();
        assertThat(ImageFormat.sniff(new byte[0])).isEmpty();
        byte[] truncatedJpeg = {(byte) 0xFF, (byte) 0xD8, (byte) 0xFF, (byte) 0xE0, 0, 16};
        assertThat(ImageFormat.sniff(truncatedJpeg)).isEmpty();
    }

    /** A minimal WebP header of the given chunk kind for a 300 x 200 picture. */
    private static byte[] webp(String chunk, int unused1, int unused2) {
        var b = ByteBuffer.allocate(40).order(ByteOrder.LITTLE_ENDIAN);
        b.put("RIFF".getBytes(StandardCharsets.US_ASCII)).putInt(32).put("WEBP".getBytes(StandardCharsets.US_ASCII));
        b.put(chunk.getBytes(StandardCharsets.US_ASCII)).putInt(20);
        switch (chunk) {
            case "VP8X" -> {
                b.put(20, (byte) 0);
                put24(b, 24, 299);
                put24(b, 27, 199);
            }
            case "VP8L" -> {
                b.put(20, (byte) 0x2F);
                int bits = 299 | 199 << 14;
                b.putInt(21, bits);
            }
            default -> {
                b.put(23, (byte) 0x9D).put(24, (byte) 0x01).put(25, (byte) 0x2A);
                b.putShort(26, (short) 300).putShort(28, (short) 200);
            }
        }
        return b.array();
    }

    private static void put24(ByteBuffer b, int at, int value) {
        b.put(at, (byte) value).put(at + 1, (byte) (value >> 8)).put(at + 2, (byte) (value >> 16));
    }
}
