package org.lorkit.application.kit;

import org.lorkit.domain.document.DocumentKind;
import org.lorkit.domain.document.StudentDocument;

import java.io.Serializable;
import java.time.Instant;

/** One stored version; {@code refusal} says why a file stored before uploads were inspected fails the inspection (null when it passes). */
public record DocumentView(long id, DocumentKind kind, int docVersion, String fileName, long sizeBytes, Instant uploadedAt,
                           String refusal) implements Serializable {
    static DocumentView of(StudentDocument d) {
        return new DocumentView(d.getId(), d.getKind(), d.getDocVersion(), d.getFileName(), d.getSizeBytes(), d.getUploadedAt(),
                d.getRefusal());
    }
}
