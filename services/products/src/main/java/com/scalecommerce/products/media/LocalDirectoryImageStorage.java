package com.scalecommerce.products.media;

import jakarta.enterprise.context.ApplicationScoped;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.Optional;
import java.util.regex.Pattern;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/** Images as files in one directory: {@code <key>} holds the bytes, {@code <key>.type} the content type. */
@ApplicationScoped
public class LocalDirectoryImageStorage implements ImageStorage {

    // Keys become file names: letters, digits, dashes, dots; no separators, so no path traversal.
    private static final Pattern SAFE_KEY = Pattern.compile("[A-Za-z0-9][A-Za-z0-9._-]{0,127}");

    private final Path directory;

    LocalDirectoryImageStorage(
            @ConfigProperty(name = "scalecommerce.products.media.directory", defaultValue = "data/media")
                    Path directory) {
        this.directory = directory.toAbsolutePath();
    }

    @Override
    public void put(String key, byte[] content, String contentType) {
        Path file = fileFor(key);
        try {
            Files.createDirectories(directory);
            // Write then move, so a reader never sees half an image.
            Path partial = Files.createTempFile(directory, ".upload-", ".part");
            Files.write(partial, content);
            Files.writeString(typeFileFor(key), contentType);
            Files.move(partial, file, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
        } catch (IOException e) {
            throw new UncheckedIOException("could not store image " + key, e);
        }
    }

    @Override
    public Optional<StoredImage> get(String key) {
        if (!SAFE_KEY.matcher(key).matches()) {
            return Optional.empty();
        }
        Path file = fileFor(key);
        try {
            if (!Files.isRegularFile(file)) {
                return Optional.empty();
            }
            Path typeFile = typeFileFor(key);
            String type = Files.exists(typeFile) ? Files.readString(typeFile).strip() : "application/octet-stream";
            return Optional.of(new StoredImage(Files.readAllBytes(file), type));
        } catch (IOException e) {
            throw new UncheckedIOException("could not read image " + key, e);
        }
    }

    @Override
    public boolean exists(String key) {
        return SAFE_KEY.matcher(key).matches() && Files.isRegularFile(fileFor(key));
    }

    private Path fileFor(String key) {
        if (!SAFE_KEY.matcher(key).matches()) {
            throw new IllegalArgumentException("unsafe image key");
        }
        return directory.resolve(key);
    }

    private Path typeFileFor(String key) {
        return directory.resolve(key + ".type");
    }
}
