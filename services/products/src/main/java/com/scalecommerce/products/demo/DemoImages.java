package com.scalecommerce.products.demo;

import com.scalecommerce.products.demo.DemoTaxonomy.Icon;
import com.scalecommerce.products.media.ImageStorage;
import java.nio.charset.StandardCharsets;

/**
 * Product pictures for the demo catalog: an 800x800 SVG card in the product's colour with its initials and
 * its department's icon. Cards are few (initials x colours x icons), so products share them; each is stored
 * once under the hash of its content.
 */
final class DemoImages {

    static final int SIZE = 800;
    static final String CONTENT_TYPE = "image/svg+xml";

    /** What a picture shows; equal cards are the same file. {@code detail} is the alternate, close-up layout. */
    record Card(String initials, int colour, Icon icon, boolean detail) {}

    record Rendered(String key, byte[] svg) {}

    private DemoImages() {}

    static Rendered render(Card card) {
        String background = DemoTaxonomy.COLOUR_HEX.get(card.colour());
        String ink = isLight(background) ? "#1b1b1b" : "#ffffff";
        StringBuilder svg = new StringBuilder(1024);
        svg.append("<svg xmlns=\"http://www.w3.org/2000/svg\" width=\"")
                .append(SIZE)
                .append("\" height=\"")
                .append(SIZE)
                .append("\" viewBox=\"0 0 800 800\">");
        svg.append("<rect width=\"800\" height=\"800\" rx=\"48\" fill=\"")
                .append(background)
                .append("\"/>");
        if (card.detail()) {
            for (int i = 0; i < 5; i++) {
                svg.append("<circle cx=\"")
                        .append(120 + i * 140)
                        .append("\" cy=\"680\" r=\"40\" fill=\"")
                        .append(ink)
                        .append("\" fill-opacity=\"0.15\"/>");
            }
        } else {
            svg.append("<circle cx=\"650\" cy=\"150\" r=\"220\" fill=\"")
                    .append(ink)
                    .append("\" fill-opacity=\"0.08\"/>");
        }
        svg.append("<g transform=\"translate(")
                .append(card.detail() ? "560,80" : "300,90")
                .append(") scale(")
                .append(card.detail() ? "0.8" : "1")
                .append(")\" fill=\"none\" stroke=\"")
                .append(ink)
                .append("\" stroke-width=\"12\" stroke-linecap=\"round\" stroke-linejoin=\"round\">")
                .append(iconPath(card.icon()))
                .append("</g>");
        svg.append("<text x=\"400\" y=\"")
                .append(card.detail() ? "470" : "560")
                .append("\" text-anchor=\"middle\" font-family=\"Helvetica, Arial, sans-serif\" font-weight=\"700\"")
                .append(" font-size=\"")
                .append(card.detail() ? "260" : "220")
                .append("\" fill=\"")
                .append(ink)
                .append("\">")
                .append(card.initials())
                .append("</text></svg>");
        byte[] bytes = svg.toString().getBytes(StandardCharsets.UTF_8);
        return new Rendered(ImageStorage.contentKey(bytes, "svg"), bytes);
    }

    /** A wide banner picture: the headline on a band of the palette colour {@code colour}. */
    static Rendered banner(String headline, int colour) {
        String background = DemoTaxonomy.COLOUR_HEX.get((colour * 3 + 2) % DemoTaxonomy.COLOUR_HEX.size());
        String ink = isLight(background) ? "#1b1b1b" : "#ffffff";
        String svg = "<svg xmlns=\"http://www.w3.org/2000/svg\" width=\"1600\" height=\"500\" viewBox=\"0 0 1600 500\">"
                + "<rect width=\"1600\" height=\"500\" fill=\"" + background + "\"/>"
                + "<circle cx=\"1400\" cy=\"80\" r=\"300\" fill=\"" + ink + "\" fill-opacity=\"0.1\"/>"
                + "<text x=\"80\" y=\"280\" font-family=\"Helvetica, Arial, sans-serif\" font-weight=\"700\""
                + " font-size=\"84\" fill=\"" + ink + "\">" + escapeXml(headline) + "</text></svg>";
        byte[] bytes = svg.getBytes(StandardCharsets.UTF_8);
        return new Rendered(ImageStorage.contentKey(bytes, "svg"), bytes);
    }

    private static String escapeXml(String text) {
        return text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;");
    }

    private static String iconPath(Icon icon) {
        return switch (icon) {
            case CIRCUIT ->
                "<rect x=\"20\" y=\"20\" width=\"160\" height=\"160\" rx=\"16\"/>"
                        + "<path d=\"M60 20V0M100 20V0M140 20V0M60 180v20M100 180v20M140 180v20\"/>";
            case HANGER -> "<path d=\"M100 40a20 20 0 1 1 20 20c-10 0-20 8-20 20L10 150h180L100 80\"/>";
            case HOUSE ->
                "<path d=\"M20 100L100 30l80 70M40 85v95h120V85\"/><rect x=\"85\" y=\"120\" width=\"30\" height=\"60\"/>";
            case BALL ->
                "<circle cx=\"100\" cy=\"100\" r=\"80\"/><path d=\"M20 100h160M100 20c-40 40-40 120 0 160"
                        + "M100 20c40 40 40 120 0 160\"/>";
            case DROP -> "<path d=\"M100 10C60 80 40 110 40 140a60 60 0 0 0 120 0c0-30-20-60-60-130z\"/>";
            case BLOCKS ->
                "<rect x=\"20\" y=\"110\" width=\"70\" height=\"70\"/><rect x=\"110\" y=\"110\" width=\"70\""
                        + " height=\"70\"/><rect x=\"65\" y=\"30\" width=\"70\" height=\"70\"/>";
            case BOOK ->
                "<path d=\"M100 40C70 20 40 20 10 30v140c30-10 60-10 90 10 30-20 60-20 90-10V30"
                        + "c-30-10-60-10-90 10zM100 40v140\"/>";
            case CUP ->
                "<path d=\"M30 60h120v60a60 60 0 0 1-120 0zM150 80h20a20 20 0 0 1 0 40h-20M60 10v30M100 10v30\"/>";
            case LEAF -> "<path d=\"M30 170C30 70 90 30 180 20c-10 90-50 150-150 150zM30 170l90-90\"/>";
            case WHEEL ->
                "<circle cx=\"100\" cy=\"100\" r=\"80\"/><circle cx=\"100\" cy=\"100\" r=\"25\"/>"
                        + "<path d=\"M100 20v55M100 125v55M20 100h55M125 100h55\"/>";
            case PAW ->
                "<ellipse cx=\"100\" cy=\"130\" rx=\"45\" ry=\"38\"/><circle cx=\"45\" cy=\"80\" r=\"16\"/>"
                        + "<circle cx=\"80\" cy=\"45\" r=\"16\"/><circle cx=\"120\" cy=\"45\" r=\"16\"/>"
                        + "<circle cx=\"155\" cy=\"80\" r=\"16\"/>";
            case PENCIL -> "<path d=\"M30 170l20-60L140 20l40 40-90 90zM120 40l40 40\"/>";
        };
    }

    private static boolean isLight(String hex) {
        int rgb = Integer.parseInt(hex.substring(1), 16);
        int r = (rgb >> 16) & 0xff;
        int g = (rgb >> 8) & 0xff;
        int b = rgb & 0xff;
        return (r * 299 + g * 587 + b * 114) / 1000 > 150;
    }
}
