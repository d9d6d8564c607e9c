package org.lorkit.web.support;

import jakarta.servlet.http.Part;
import org.lorkit.domain.shared.DomainException;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;

/**
 * A file from an {@code <h:inputFile>} (the browser's own file input: labelled, keyboard- and screen-reader-friendly).
 * The container spools a large upload to disk; its size is checked before a byte of it is read into memory, so a
 * 50 MB file gets the same clear message next to the field as a 6 MB one.
 */
public final class Uploads {
    private Uploads() {
    }

    /** The file's bytes, or a refusal on {@code field}: nothing chosen, or larger than {@code maxBytes}. */
    public static byte[] bytes(Part file, long maxBytes, String field, String nothingChosen) {
        if (file == null || file.getSize() == 0) {
            throw new DomainException(field, nothingChosen);
        }
        if (file.getSize() > maxBytes) {
            throw new DomainException(field, Messages.text("common.fileTooLarge", size(file.getSize()), size(maxBytes)));
        }
        try (InputStream content = file.getInputStream()) {
            return content.readAllBytes();
        } catch (IOException e) {
            throw new UncheckedIOException("Could not read the upload", e);
        }
    }

    /** The name the browser gave the file (never a path to trust: the services make it safe). */
    public static String name(Part file) {
        return file == null ? null : file.getSubmittedFileName();
    }

    public static String size(long bytes) {
        return bytes >= 1024 * 1024 ? Math.round(bytes / (1024.0 * 1024.0)) + " MB" : Math.max(1, Math.round(bytes / 1024.0)) + " KB";
    }
}
