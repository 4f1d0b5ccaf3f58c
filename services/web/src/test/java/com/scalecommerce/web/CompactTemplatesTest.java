package com.scalecommerce.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * The shopper's templates (everything outside admin/) hold only Latin-1 text: other characters are written as HTML
 * entities ({@code &#9733;} for a rating star). Java keeps a string with only Latin-1 characters at one byte per
 * character; a single star in a card made every page that showed one two bytes per character, from Qute's buffer to
 * the UTF-8 encoding of the answer. Writing the stars as entities took the home page from about 0.24 to 0.18 ms of
 * web's CPU in the signed-in steps benchmark. This keeps a new template from bringing that back quietly.
 */
class CompactTemplatesTest {

    @Test
    void shopperTemplatesHoldOnlyLatin1Text() {
        var wide = shopperTemplates().stream()
                .filter(f -> TemplateFiles.read(f).chars().anyMatch(c -> c > 0xFF))
                .map(TemplateFiles.ROOT::relativize)
                .toList();
        assertThat(wide).as("templates with characters beyond Latin-1").isEmpty();
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
