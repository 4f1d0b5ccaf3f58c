package com.scalecommerce.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * The shopper's templates (everything outside admin/) hold only ASCII text: other characters are written as HTML
 * entities ({@code &#9733;} for a rating star, {@code &middot;}). The JDK encodes an ASCII string to UTF-8 as an array
 * copy, where one other character makes it a loop over the whole page, and one beyond Latin-1 makes Java hold the
 * page at two bytes per character from Qute's buffer on. A single star in a card did that to every page showing one:
 * writing the stars as entities took the home page from about 0.24 to 0.18 ms of web's CPU in the signed-in steps
 * benchmark. What templates print is kept ASCII by {@code http/AsciiHtmlEscaper}; this keeps a new template from
 * bringing the cost back quietly.
 */
class CompactTemplatesTest {

    @Test
    void shopperTemplatesHoldOnlyAsciiText() {
        var wide = shopperTemplates().stream()
                .filter(f -> TemplateFiles.read(f).chars().anyMatch(c -> c > 0x7F))
                .map(TemplateFiles.ROOT::relativize)
                .toList();
        assertThat(wide).as("templates with characters beyond ASCII").isEmpty();
    }

    @Test
    void theCheckReadsTheShopperTemplates() {
        assertThat(shopperTemplates().stream().filter(f -> TemplateFiles.read(f).contains("&#9733;")))
                .as("templates showing a rating star")
                .hasSizeGreaterThanOrEqualTo(3);
    }

    private static List<Path> shopperTemplates() {
        return TemplateFiles.all().stream()
                .filter(f -> !TemplateFiles.ROOT.relativize(f).startsWith("admin"))
                .toList();
    }
}
