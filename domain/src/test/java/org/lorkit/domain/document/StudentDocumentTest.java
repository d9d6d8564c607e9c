package org.lorkit.domain.document;

import org.junit.jupiter.api.Test;
import org.lorkit.domain.TestData;

import java.time.Instant;

import static org.assertj.core.api.Assertions.assertThat;

/** A stored document is served only once it passed the inspection of uploads; one stored before it existed, not yet. */
class StudentDocumentTest {
    private static final Instant UPLOADED = Instant.parse("2026-03-02T10:00:00Z");
    private static final Instant LATER = Instant.parse("2026-05-01T08:00:00Z");

    @Test
    void an_upload_passed_the_inspection_when_it_was_stored() {
        StudentDocument upload = new StudentDocument(TestData.student(), DocumentKind.CV, 1, "cv.pdf", 1_000, "a".repeat(64), UPLOADED);

        assertThat(upload.isInspected()).isTrue();
        assertThat(upload.getInspectedAt()).isEqualTo(UPLOADED);
        assertThat(upload.isServable()).isTrue();
        assertThat(upload.getRefusal()).isNull();
    }

    @Test
    void a_document_stored_before_the_inspection_existed_is_not_served_until_it_passes() {
        StudentDocument stored = new StudentDocument();
        assertThat(stored.isInspected()).isFalse();
        assertThat(stored.isServable()).isFalse();

        stored.recordInspection(LATER, null);

        assertThat(stored.isInspected()).isTrue();
        assertThat(stored.isServable()).isTrue();
    }

    @Test
    void a_failing_verdict_is_kept_with_its_reason_and_bounded_to_the_column() {
        StudentDocument stored = new StudentDocument();

        stored.recordInspection(LATER, "This PDF runs JavaScript");

        assertThat(stored.isInspected()).isTrue();
        assertThat(stored.isServable()).isFalse();
        assertThat(stored.getRefusal()).isEqualTo("This PDF runs JavaScript");
        stored.recordInspection(LATER, "x".repeat(1_000));
        assertThat(stored.getRefusal()).hasSize(300);
    }
}
