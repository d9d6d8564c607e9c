package org.lorkit.it.kit;

import org.lorkit.domain.letter.LetterState;
import jakarta.annotation.Resource;
import jakarta.inject.Inject;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.text.PDFTextStripper;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.lorkit.application.advice.AskService;
import org.lorkit.application.attending.AttendingView;
import org.lorkit.application.kit.DocumentService;
import org.lorkit.application.kit.DocumentView;
import org.lorkit.application.kit.KitService;
import org.lorkit.application.kit.WorkLogService;
import org.lorkit.application.rotation.RotationView;
import org.lorkit.domain.document.DocumentKind;
import org.lorkit.domain.letter.AnswerHeard;
import org.lorkit.domain.shared.DomainException;
import org.lorkit.domain.worklog.WorkLogKind;
import org.lorkit.it.support.Identities;
import org.lorkit.it.support.InsideLorKit;
import org.lorkit.it.support.SamplePdfs;

import javax.sql.DataSource;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.LocalDate;
import java.util.Collections;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** Uploads that are refused with a reason, versions kept, the summary's limits, and the combined kit PDF read back. */
class KitIT extends InsideLorKit {
    @Inject
    DocumentService documents;
    @Inject
    WorkLogService worklog;
    @Inject
    KitService kits;
    @Inject
    AskService asks;
    @Inject
    org.lorkit.application.student.StudentService students;
    @Resource(lookup = "java:jboss/datasources/LorKitDS")
    DataSource dataSource;

    @Inject
    org.lorkit.application.letter.LetterRequestService letters;
    @Inject
    org.lorkit.infrastructure.time.Clocks clocks;

    private long agency;
    private RotationView rotation;
    private AttendingView patel;
    private org.lorkit.application.student.StudentView student;

    @BeforeEach
    void aStudentWithARotation() {
        agency = fixtures.agency().id();
        as.staff(agency, () -> {
            patel = fixtures.attending("Internal Medicine");
            student = fixtures.student(fixtures.cohort(), Identities.OWNER_STUDENT);
            rotation = fixtures.rotation(student, patel, 24);
            return null;
        });
    }

    @Test
    void uploads_that_are_not_readable_pdfs_are_refused_with_a_reason() {
        byte[] exe = "MZ\u0090\u0000 this is a Windows program".getBytes(StandardCharsets.ISO_8859_1);
        byte[] html = "<html><body>%PDF-1.7</body></html>".getBytes(StandardCharsets.US_ASCII);
        byte[] fake = "%PDF-1.7\nnot really a pdf".getBytes(StandardCharsets.US_ASCII);

        assertRefused("cv.pdf", exe, "This is not a PDF");
        assertRefused("cv.pdf", html, "This is not a PDF");
        assertRefused("cv.pdf", new byte[0], "The file is empty");
        assertRefused("cv.pdf", new byte[6 * 1024 * 1024], "the limit is 5 MB");
        assertRefused("cv.pdf", fake, "This PDF cannot be read");
        assertRefused("cv.pdf", SamplePdfs.encrypted(), "encrypted or password-protected");
        assertThat(as.ownerStudent(agency, () -> documents.myDocuments())).isEmpty();
    }

    @Test
    void a_cv_that_runs_javascript_when_opened_is_refused_next_to_the_file_field_and_nothing_is_stored() {
        assertThatThrownBy(() -> as.ownerStudent(agency, () -> documents.upload(DocumentKind.CV, "cv.pdf", SamplePdfs.runsJavaScriptWhenOpened())))
                .isInstanceOf(DomainException.class)
                .hasMessage("This PDF runs JavaScript: save it again as a plain PDF (Print → Save as PDF) and upload that")
                .extracting(e -> ((DomainException) e).field()).isEqualTo("file");
        assertThat(as.ownerStudent(agency, () -> documents.myDocuments())).isEmpty();
    }

    /**
     * Files stored before uploads were inspected (here: made so by clearing the verdict, one of them with its bytes
     * swapped for a JavaScript PDF) are inspected when they are first about to be used: the plain one is served, the
     * active one is left out of the kit, and the student is told to upload it again.
     */
    @Test
    void a_document_stored_before_the_inspection_is_inspected_once_before_it_is_served() throws Exception {
        DocumentView cv = as.ownerStudent(agency, () -> documents.upload(DocumentKind.CV, "cv.pdf", SamplePdfs.pages(2, "Curriculum vitae")));
        DocumentView statement = as.ownerStudent(agency, () -> documents.upload(DocumentKind.PERSONAL_STATEMENT, "ps.pdf",
                SamplePdfs.pages(1, "Personal statement")));
        try (Connection db = dataSource.getConnection();
             PreparedStatement forget = db.prepareStatement("UPDATE student_document SET inspected_at = NULL WHERE agency_id = ? AND id IN (?, ?)");
             PreparedStatement swap = db.prepareStatement("UPDATE document_content SET content = ? WHERE agency_id = ? AND document_id = ?")) {
            forget.setLong(1, agency);
            forget.setLong(2, cv.id());
            forget.setLong(3, statement.id());
            assertThat(forget.executeUpdate()).isEqualTo(2);
            swap.setBytes(1, SamplePdfs.runsJavaScriptWhenOpened());
            swap.setLong(2, agency);
            swap.setLong(3, statement.id());
            assertThat(swap.executeUpdate()).isEqualTo(1);
        }

        List<DocumentView> mine = as.ownerStudent(agency, () -> documents.myDocuments());
        assertThat(mine).filteredOn(d -> d.id() == statement.id()).singleElement()
                .extracting(DocumentView::refusal).asString().startsWith("This PDF runs JavaScript");
        assertThat(mine).filteredOn(d -> d.id() == cv.id()).singleElement().extracting(DocumentView::refusal).isNull();
        assertThatThrownBy(() -> as.ownerStudent(agency, () -> documents.download(statement.id()))).isInstanceOf(DomainException.class);
        assertThat(as.ownerStudent(agency, () -> documents.download(cv.id())).content()).isNotEmpty();
        as.ownerStudent(agency, () -> worklog.keepBullets(rotation.id(), bullets()));
        long requestId = strongYes();
        try (PDDocument kit = Loader.loadPDF(as.ownerStudent(agency, () -> kits.pdf(requestId)))) {
            assertThat(kit.getNumberOfPages()).as("the cover and the CV; the refused statement is left out").isEqualTo(1 + 2);
        }
    }

    private void assertRefused(String name, byte[] content, String reason) {
        assertThatThrownBy(() -> as.ownerStudent(agency, () -> documents.upload(DocumentKind.CV, name, content)))
                .isInstanceOf(DomainException.class).hasMessageContaining(reason);
    }

    @Test
    void every_version_is_kept_and_the_file_name_is_made_safe() {
        as.ownerStudent(agency, () -> documents.upload(DocumentKind.CV, "C:\\Users\\amara\\cv.pdf", SamplePdfs.pages(1, "CV one")));
        byte[] secondPdf = SamplePdfs.pages(2, "CV two");
        DocumentView second = as.ownerStudent(agency, () -> documents.upload(DocumentKind.CV, "../../etc/cv<v2>.pdf", secondPdf));

        assertThat(second.docVersion()).isEqualTo(2);
        assertThat(second.fileName()).isEqualTo("cv_v2_.pdf");
        assertThat(as.ownerStudent(agency, () -> documents.myDocuments())).extracting(DocumentView::docVersion).containsExactly(2, 1);
        assertThat(as.ownerStudent(agency, () -> documents.download(second.id())).content()).isEqualTo(secondPdf);
        assertThatThrownBy(() -> as.otherStudent(agency, () -> documents.download(second.id())))
                .isInstanceOf(DomainException.class).hasMessage("No student document with id " + second.id());
    }

    @Test
    void the_summary_keeps_five_to_eight_bullets_and_refuses_an_oversized_one_without_cutting_it() {
        LocalDate day = rotation.startDate().plusDays(2);
        as.ownerStudent(agency, () -> worklog.add(rotation.id(), day, WorkLogKind.PATIENT_FOLLOWED, "six patients daily on the CHF service"));
        as.ownerStudent(agency, () -> worklog.add(rotation.id(), day, WorkLogKind.PRESENTATION, "a case of new-onset atrial fibrillation at morning report"));

        assertThat(as.ownerStudent(agency, () -> worklog.summary(rotation.id())).proposed())
                .containsExactly("Followed six patients daily on the CHF service", "Presented a case of new-onset atrial fibrillation at morning report");
        assertThatThrownBy(() -> as.ownerStudent(agency, () -> worklog.keepBullets(rotation.id(), List.of("a", "b", "c", "d"))))
                .isInstanceOf(DomainException.class).hasMessage("Keep 5 to 8 bullets; you have 4");
        String huge = String.join("", Collections.nCopies(2 * 1024 * 1024, "x"));
        assertThatThrownBy(() -> as.ownerStudent(agency, () -> worklog.keepBullets(rotation.id(), List.of("a", huge, "c", "d", "e"))))
                .isInstanceOf(DomainException.class).hasMessageContaining("Bullet 2 has 2097152 characters");
        assertThat(as.ownerStudent(agency, () -> worklog.summary(rotation.id())).kept()).isEmpty();

        List<String> kept = as.ownerStudent(agency, () -> worklog.keepBullets(rotation.id(), bullets()));
        assertThat(as.ownerStudent(agency, () -> worklog.summary(rotation.id())).kept()).isEqualTo(kept).hasSize(6);
    }

    @Test
    void a_work_log_date_outside_the_rotation_is_refused() {
        assertThatThrownBy(() -> as.ownerStudent(agency, () -> worklog.add(rotation.id(), rotation.endDate().plusDays(1),
                WorkLogKind.NOTE_WRITTEN, "discharge summary")))
                .isInstanceOf(DomainException.class).hasMessageContaining("is outside the rotation");
    }

    @Test
    void the_combined_kit_pdf_has_the_cover_then_the_cv_then_the_statement() throws Exception {
        as.ownerStudent(agency, () -> documents.upload(DocumentKind.CV, "cv.pdf", SamplePdfs.pages(5, "Curriculum vitae")));
        as.ownerStudent(agency, () -> documents.upload(DocumentKind.PERSONAL_STATEMENT, "ps.pdf", SamplePdfs.pages(2, "Personal statement")));
        as.ownerStudent(agency, () -> worklog.keepBullets(rotation.id(), bullets()));
        long requestId = as.ownerStudent(agency, () -> asks.recordAnswer(rotation.id(), patel.id(), AnswerHeard.STRONG_YES, "Of course, send me your materials."))
                .request().id();

        KitService.Kit preview = as.ownerStudent(agency, () -> kits.preview(requestId));
        byte[] pdf = as.ownerStudent(agency, () -> kits.pdf(requestId));

        assertThat(preview.hasCv()).isTrue();
        assertThat(preview.lines()).contains("\u2022 Followed six patients daily on the CHF service",
                "For Dr. Patel, thank you for agreeing to write a strong letter.", "Dates: 1 Oct 2026 to 28 Oct 2026");
        try (PDDocument kit = Loader.loadPDF(pdf)) {
            assertThat(kit.getNumberOfPages()).isEqualTo(1 + 5 + 2);
            PDFTextStripper text = new PDFTextStripper();
            text.setStartPage(1);
            text.setEndPage(1);
            assertThat(text.getText(kit)).contains("Letter of recommendation kit - Amara Okafor").contains("ERAS AAMC ID: 14029381")
                    .contains("Followed six patients daily on the CHF service").contains("Dear Program");
            text.setStartPage(2);
            text.setEndPage(2);
            assertThat(text.getText(kit)).contains("Curriculum vitae - page 1");
            text.setStartPage(8);
            text.setEndPage(8);
            assertThat(text.getText(kit)).contains("Personal statement - page 2");
        }
        assertThatThrownBy(() -> as.otherStudent(agency, () -> kits.pdf(requestId)))
                .isInstanceOf(DomainException.class).hasMessage("No letter request with id " + requestId);
    }

    @Test
    void the_combined_kit_pdf_is_built_once_for_the_same_versions_and_again_for_a_new_one() throws Exception {
        as.ownerStudent(agency, () -> documents.upload(DocumentKind.CV, "cv.pdf", SamplePdfs.pages(2, "Curriculum vitae")));
        as.ownerStudent(agency, () -> documents.upload(DocumentKind.PERSONAL_STATEMENT, "ps.pdf", SamplePdfs.pages(1, "Personal statement")));
        as.ownerStudent(agency, () -> worklog.keepBullets(rotation.id(), bullets()));
        long requestId = strongYes();

        byte[] first = as.ownerStudent(agency, () -> kits.pdf(requestId));
        Timestamp built = kitBuiltAt(requestId);
        byte[] again = as.ownerStudent(agency, () -> kits.pdf(requestId));
        byte[] forStaff = as.staff(agency, () -> kits.pdf(requestId));

        assertThat(built).as("the kit was kept").isNotNull();
        assertThat(again).isEqualTo(first);
        assertThat(forStaff).isEqualTo(first);
        assertThat(kitBuiltAt(requestId)).as("no second build for the same versions").isEqualTo(built);

        as.ownerStudent(agency, () -> documents.upload(DocumentKind.CV, "cv-v2.pdf", SamplePdfs.pages(3, "Curriculum vitae v2")));
        byte[] rebuilt = as.ownerStudent(agency, () -> kits.pdf(requestId));

        try (PDDocument kit = Loader.loadPDF(rebuilt)) {
            assertThat(kit.getNumberOfPages()).as("the cover, the new CV and the statement").isEqualTo(1 + 3 + 1);
        }
        assertThat(kitBuiltAt(requestId)).as("built again for the new CV version").isAfter(built);
        assertThat(as.ownerStudent(agency, () -> kits.pdf(requestId))).isEqualTo(rebuilt);
    }

    private Timestamp kitBuiltAt(long requestId) throws SQLException {
        try (Connection db = dataSource.getConnection();
             PreparedStatement query = db.prepareStatement("SELECT built_at FROM kit_pdf WHERE agency_id = ? AND letter_request_id = ?")) {
            query.setLong(1, agency);
            query.setLong(2, requestId);
            try (ResultSet rows = query.executeQuery()) {
                return rows.next() ? rows.getTimestamp(1) : null;
            }
        }
    }

    private long strongYes() {
        return as.ownerStudent(agency, () -> asks.recordAnswer(rotation.id(), patel.id(), AnswerHeard.STRONG_YES, "Absolutely, happy to.")).request().id();
    }

    @Test
    void a_kit_is_ready_to_send_only_with_documents_five_bullets_an_aamc_id_a_deadline_and_the_writer_in_eras() {
        long requestId = strongYes();

        assertThat(as.ownerStudent(agency, () -> kits.settings(requestId)).missing()).containsExactly("your CV",
                "your personal statement", "the work summary (0 of at least 5 bullets kept)", "the deadline (save the kit details)",
                "Dr. Anjali Patel as a letter writer in ERAS, then tick that you did (ERAS emails the writer the upload link only once "
                        + "you add them; without it they cannot upload)");
        as.ownerStudent(agency, () -> kits.confirmWriterInEras(requestId, true));

        as.ownerStudent(agency, () -> documents.upload(DocumentKind.CV, "cv.pdf", SamplePdfs.pages(1, "CV")));
        as.ownerStudent(agency, () -> documents.upload(DocumentKind.PERSONAL_STATEMENT, "ps.pdf", SamplePdfs.pages(1, "PS")));
        as.ownerStudent(agency, () -> worklog.keepBullets(rotation.id(), bullets()));
        LocalDate deadline = fixtures.today().plusDays(24);
        KitService.Settings ready = as.ownerStudent(agency, () -> kits.prepare(requestId, "87654321", "LID-2044", deadline, "GENERAL"));

        assertThat(ready.isReady()).isTrue();
        assertThat(ready.letterFor()).isEqualTo("GENERAL");
        assertThat(ready.specialtyWarning()).isNull();
        assertThat(as.ownerStudent(agency, () -> kits.preview(requestId)).lines())
                .contains("Letter for: general use (no single specialty)")
                .anySatisfy(line -> assertThat(line).contains("ERAS AAMC ID: 87654321").contains("ERAS Letter ID: LID-2044"));
    }

    @Test
    void an_eleven_digit_aamc_id_or_a_deadline_out_of_limits_is_refused_and_nothing_is_saved() {
        long requestId = strongYes();
        LocalDate today = fixtures.today();

        assertThatThrownBy(() -> as.ownerStudent(agency, () -> kits.prepare(requestId, "12345678901", null, today.plusDays(21), "INTERNAL_MEDICINE")))
                .isInstanceOf(DomainException.class).hasMessage("An ERAS AAMC ID is 8 digits, not \"12345678901\"")
                .extracting(e -> ((DomainException) e).field()).isEqualTo("erasAamcId");
        assertThatThrownBy(() -> as.ownerStudent(agency, () -> kits.prepare(requestId, "87654321", null, today.plusDays(3), "INTERNAL_MEDICINE")))
                .isInstanceOf(DomainException.class).hasMessageStartingWith("Give the attending at least a week");
        assertThatThrownBy(() -> as.ownerStudent(agency, () -> kits.prepare(requestId, "87654321", null, today.plusDays(90), "INTERNAL_MEDICINE")))
                .isInstanceOf(DomainException.class).hasMessageStartingWith("Keep the deadline within six weeks");

        KitService.Settings unchanged = as.ownerStudent(agency, () -> kits.settings(requestId));
        assertThat(unchanged.erasAamcId()).as("the AAMC ID of the refused save was rolled back").isEqualTo("14029381");
        assertThat(unchanged.deadlineChosen()).isFalse();
    }

    @Test
    void a_deadline_that_came_too_near_since_it_was_saved_is_refused_when_the_kit_is_sent_and_nothing_goes_out() {
        long requestId = fixtures.readyKit(agency, student, patel, rotation);
        as.ownerStudent(agency, () -> kits.prepare(requestId, "14029381", null, fixtures.today().plusDays(8), "INTERNAL_MEDICINE"));
        try {
            clocks.advance(java.time.Duration.ofDays(3));

            assertThatThrownBy(() -> as.ownerStudent(agency, () -> kits.send(requestId)))
                    .isInstanceOf(DomainException.class).hasMessageStartingWith("Give the attending at least a week")
                    .extracting(e -> ((DomainException) e).field()).isEqualTo("deadline");
            assertThat(as.ownerStudent(agency, () -> letters.find(requestId).orElseThrow().state())).isEqualTo(LetterState.STRONG_YES);
        } finally {
            clocks.reset();
        }
    }

    @Test
    void a_letter_naming_one_of_two_target_specialties_comes_with_a_warning() {
        long twoTargets = fixtures.agency().id();
        RotationView imRotation = as.staff(twoTargets, () -> fixtures.rotation(students.enroll(new org.lorkit.application.student.NewStudent(
                fixtures.cohort().id(), "Amara Okafor", Identities.OWNER_STUDENT, null, null, null,
                List.of("Internal Medicine", "Family Medicine"))), patel = fixtures.attending("Internal Medicine"), 24));
        long requestId = as.ownerStudent(twoTargets, () -> asks.recordAnswer(imRotation.id(), patel.id(), AnswerHeard.STRONG_YES, "Absolutely, happy to."))
                .request().id();

        KitService.Settings settings = as.ownerStudent(twoTargets, () -> kits.settings(requestId));

        assertThat(settings.specialtyWarning()).isEqualTo("This letter names internal medicine: do not use it for your family medicine "
                + "applications. If you apply to both, tell Dr. Anjali Patel now, or ask for a general letter.");
        assertThat(settings.specialtyChoices()).extracting(Enum::name).contains("INTERNAL_MEDICINE", "FAMILY_MEDICINE");
    }

    @Test
    void the_draft_for_the_attending_is_factual_marked_as_a_draft_and_only_after_a_yes() {
        as.ownerStudent(agency, () -> worklog.keepBullets(rotation.id(), bullets()));
        long requestId = strongYes();

        String draft = as.ownerStudent(agency, () -> kits.draft(requestId));

        assertThat(draft).startsWith("DRAFT FOR DR. PATEL TO REVIEW AND REWRITE - NOT A FINAL LETTER")
                .contains("Dear Program Director,", "- Led family meetings with an interpreter\n",
                        "internal medicine service at St. Mary's Medical Center from 1 Oct 2026 to 28 Oct 2026");
        assertThat(draft.toLowerCase(java.util.Locale.ROOT)).doesNotContainPattern("\\b(outstanding|exceptional|best|brilliant|excellent)\\b");
    }

    private static List<String> bullets() {
        return List.of("Followed six patients daily on the CHF service", "Presented a case of new-onset atrial fibrillation",
                "Wrote daily progress notes reviewed by the attending", "Followed up on pending echocardiograms",
                "Led family meetings with an interpreter", "Prepared a teaching session on diuretic resistance");
    }
}
