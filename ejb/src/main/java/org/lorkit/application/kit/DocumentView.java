package org.lorkit.application.kit;

import org.lorkit.domain.document.DocumentKind;
import org.lorkit.domain.document.StudentDocument;

import java.io.Serializable;
import java.time.Instant;

public record DocumentView(long id, DocumentKind kind, int docVersion, String fileName, long sizeBytes, Instant uploadedAt)
        implements Serializable {
    static DocumentView of(StudentDocument d) {
        return new DocumentView(d.getId(), d.getKind(), d.getDocVersion(), d.getFileName(), d.getSizeBytes(), d.getUploadedAt());
    }
}
