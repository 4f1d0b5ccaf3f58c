package com.scalecommerce.web;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;

/** The app's Qute templates as files, for the tests that check rules every template must keep. */
final class TemplateFiles {

    static final Path ROOT = Path.of("src/main/resources/templates");

    private TemplateFiles() {}

    /** Every .html template under templates/. */
    static List<Path> all() {
        try (Stream<Path> files = Files.walk(ROOT)) {
            return files.filter(f -> f.toString().endsWith(".html")).toList();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static String read(Path file) {
        try {
            return Files.readString(file);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
