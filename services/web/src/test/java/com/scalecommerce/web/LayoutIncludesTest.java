package com.scalecommerce.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * Pages pass their data on to the layout they include ({@code {#include layout nav=nav ...}}). A bare include
 * renders the same, but then Qute scans all its value resolvers for every expression of the page before it finds
 * the name in the page's data (templates/layout.html says more): this keeps a new page from losing that quietly.
 */
class LayoutIncludesTest {

    private static final Path TEMPLATES = Path.of("src/main/resources/templates");

    @Test
    void everyPagePassesItsDataOnToTheLayout() throws IOException {
        try (Stream<Path> files = Files.walk(TEMPLATES)) {
            var bare = files.filter(f -> f.toString().endsWith(".html"))
                    .filter(LayoutIncludesTest::includesALayoutBare)
                    .map(TEMPLATES::relativize)
                    .toList();
            assertThat(bare).as("templates with a bare {#include layout}").isEmpty();
        }
    }

    @Test
    void theCheckSeesTheIncludes() throws IOException {
        try (Stream<Path> files = Files.walk(TEMPLATES)) {
            assertThat(files.filter(f -> f.toString().endsWith(".html"))
                            .map(LayoutIncludesTest::read)
                            .filter(text ->
                                    text.contains("{#include layout ") || text.contains("{#include admin/layout ")))
                    .hasSizeGreaterThan(40);
        }
    }

    private static boolean includesALayoutBare(Path template) {
        String text = read(template);
        return text.contains("{#include layout}") || text.contains("{#include admin/layout}");
    }

    private static String read(Path file) {
        try {
            return Files.readString(file);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
