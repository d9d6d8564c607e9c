package org.lorkit.infrastructure.pdf;

import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.text.PDFTextStripper;
import org.junit.jupiter.api.Test;
import org.lorkit.domain.shared.DomainException;

import java.lang.management.ManagementFactory;
import java.time.Duration;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.assertThatCode;

/** Uploads an attending will open: plain PDFs pass, active content and files built to exhaust a node are refused with a reason. */
class PdfInspectionTest {
    private static final String AGAIN = "save it again as a plain PDF (Print → Save as PDF) and upload that";

    @Test
    void a_plain_cv_with_a_web_link_and_an_open_at_page_one_is_accepted() {
        assertThat(Pdfs.check("file", TestPdfs.plain(3))).isEqualTo(3);
        assertThat(Pdfs.check("file", TestPdfs.plainWithLinkAndOpenAtPageOne())).isEqualTo(1);
    }

    @Test
    void javascript_run_on_opening_is_refused_next_to_the_file_field() {
        assertRefused(TestPdfs.openActionJavaScript(), "This PDF runs JavaScript: " + AGAIN);
    }

    @Test
    void document_level_javascript_is_refused() {
        assertRefused(TestPdfs.documentLevelJavaScript(), "This PDF runs JavaScript: " + AGAIN);
    }

    @Test
    void additional_actions_are_refused() {
        assertRefused(TestPdfs.pageAdditionalAction(), "This PDF runs actions when a page or a field is opened or used: " + AGAIN);
    }

    @Test
    void a_launch_action_is_refused() {
        assertRefused(TestPdfs.launchLink(), "This PDF can start a program (a launch action): " + AGAIN);
    }

    @Test
    void an_embedded_file_is_refused() {
        assertRefused(TestPdfs.embeddedFile(), "This PDF carries embedded files: " + AGAIN);
    }

    @Test
    void an_xfa_form_is_refused() {
        assertRefused(TestPdfs.xfaForm(), "This PDF is an XFA form: " + AGAIN);
    }

    @Test
    void a_2000_page_file_is_refused_while_reading_little() {
        byte[] pdf = TestPdfs.plain(2_000);
        long before = allocatedByThisThread();

        assertRefused(pdf, "This PDF has 2000 pages; a CV or personal statement can have at most 50");
        assertThat(allocatedByThisThread() - before).as("bytes allocated to inspect it").isLessThan(64L * 1024 * 1024);
    }

    @Test
    void a_page_tree_that_understates_its_pages_is_refused_too() {
        assertRefused(TestPdfs.pagesUnderAFalseCount(2_000), "This PDF has more than 50 pages; a CV or personal statement can have at most 50");
    }

    @Test
    void arrays_or_dictionaries_nested_100000_levels_deep_are_refused() {
        assertRefused(TestPdfs.nested(100_000, false), "This PDF is damaged or nested too deeply to be read safely: " + AGAIN);
        assertRefused(TestPdfs.nested(100_000, true), "This PDF is damaged or nested too deeply to be read safely: " + AGAIN);
    }

    @Test
    void a_chain_of_5000_references_is_refused() {
        assertRefused(TestPdfs.chain(5_000), "This PDF is damaged or nested too deeply to be read safely: " + AGAIN);
    }

    @Test
    void too_many_objects_or_too_much_time_are_refused() {
        PdfInspection.Limits few = new PdfInspection.Limits(50, 1_000, 100, Duration.ofSeconds(10), 1024 * 1024, 1L << 26, 1L << 28);
        assertThatThrownBy(() -> PdfInspection.check("file", TestPdfs.plain(40), few))
                .isInstanceOf(DomainException.class).hasMessage("This PDF has more than 100 objects: " + AGAIN);
        PdfInspection.Limits none = new PdfInspection.Limits(50, 1_000, 100_000, Duration.ZERO, 1024 * 1024, 1L << 26, 1L << 28);
        assertThatThrownBy(() -> PdfInspection.check("file", TestPdfs.plain(1), none))
                .isInstanceOf(DomainException.class).hasMessage("This PDF takes more than 0 seconds to read: " + AGAIN);
    }

    @Test
    void a_chain_that_only_importing_the_page_would_follow_is_refused() {
        assertRefused(TestPdfs.chainListedInTheCatalog(20_000), "This PDF is damaged or nested too deeply to be read safely: " + AGAIN);
    }

    @Test
    void an_object_stream_that_inflates_to_a_gigabyte_is_refused_before_it_is_held_in_memory() {
        byte[] pdf = TestPdfs.objectStreamBomb(1L << 30);
        assertThat(pdf.length).isLessThan(Pdfs.MAX_BYTES);
        long before = allocatedByThisThread();

        assertRefused(pdf, "This PDF expands to more than 64 MB when opened: " + AGAIN);
        assertThat(allocatedByThisThread() - before).as("bytes allocated to inspect it").isLessThan(128L * 1024 * 1024);
    }

    @Test
    void a_page_content_stream_that_inflates_to_a_gigabyte_is_refused_before_it_is_held_in_memory() {
        byte[] pdf = TestPdfs.contentStreamBomb(1L << 30);
        assertThat(pdf.length).isLessThan(Pdfs.MAX_BYTES);
        long before = allocatedByThisThread();

        assertRefused(pdf, "This PDF expands to more than 64 MB when opened: " + AGAIN);
        assertThat(allocatedByThisThread() - before).as("bytes allocated to inspect it").isLessThan(128L * 1024 * 1024);
    }

    @Test
    void a_bomb_behind_an_abbreviated_chain_of_filters_is_refused() {
        byte[] pdf = TestPdfs.pageWithContent("<< /Filter [/AHx /Fl] /Length LENGTH >>", TestPdfs.hex(TestPdfs.deflatedBlanks(1L << 30)));
        long before = allocatedByThisThread();

        assertRefused(pdf, "This PDF expands to more than 64 MB when opened: " + AGAIN);
        assertThat(allocatedByThisThread() - before).as("bytes allocated to inspect it").isLessThan(128L * 1024 * 1024);
    }

    @Test
    void a_predictor_whose_rows_alone_take_a_gigabyte_is_refused_without_allocating_them() {
        byte[] pdf = TestPdfs.pageWithContent("<< /Filter /FlateDecode /DecodeParms << /Predictor 12 /Columns 500000000 >> /Length LENGTH >>",
                TestPdfs.deflatedBlanks(1_000));
        long before = allocatedByThisThread();

        assertRefused(pdf, "This PDF expands to more than 64 MB when opened: " + AGAIN);
        assertThat(allocatedByThisThread() - before).as("bytes allocated to inspect it").isLessThan(128L * 1024 * 1024);
    }

    @Test
    void filters_given_by_reference_are_refused_since_they_cannot_be_measured_beforehand() {
        byte[] pdf = TestPdfs.pageWithContent("<< /Filter 1 0 R /Length LENGTH >>", TestPdfs.deflatedBlanks(1_000));

        assertRefused(pdf, "This PDF is built in an unusual way (its filters are kept apart from its streams): " + AGAIN);
    }

    @Test
    void a_cv_with_a_large_lossless_photo_is_accepted() {
        assertThat(Pdfs.check("file", TestPdfs.withPhoto(3000, 2000))).isEqualTo(1);
    }

    @Test
    void an_ordinary_compressed_pdf_with_object_streams_is_accepted() {
        byte[] pdf = TestPdfs.plain(3);
        assertThat(new String(pdf, java.nio.charset.StandardCharsets.ISO_8859_1)).contains("/ObjStm").contains("/XRef").contains("/FlateDecode");

        assertThat(Pdfs.check("file", pdf)).isEqualTo(3);
    }

    @Test
    void a_stored_file_gets_the_same_verdict_as_an_upload() {
        assertThat(Pdfs.refusal(TestPdfs.plain(2))).isEmpty();
        assertThat(Pdfs.refusal(TestPdfs.openActionJavaScript())).contains("This PDF runs JavaScript: " + AGAIN);
        assertThat(Pdfs.refusal(TestPdfs.contentStreamBomb(1L << 30))).contains("This PDF expands to more than 64 MB when opened: " + AGAIN);
    }

    @Test
    void the_kit_has_the_cover_then_each_document_in_order() throws Exception {
        byte[] kit = Pdfs.kit(List.of("Letter of recommendation kit - Amara Okafor"), List.of(TestPdfs.plain(2), TestPdfs.plain(3)));

        try (PDDocument document = Loader.loadPDF(kit)) {
            assertThat(document.getNumberOfPages()).isEqualTo(1 + 2 + 3);
            PDFTextStripper text = new PDFTextStripper();
            text.setStartPage(4);
            text.setEndPage(4);
            assertThat(text.getText(document)).contains("Curriculum vitae - page 1");
        }
    }

    @Test
    void a_kit_of_plain_documents_keeps_their_links() {
        assertThatCode(() -> Pdfs.check("file", Pdfs.kit(List.of("Cover"), List.of(TestPdfs.plainWithLinkAndOpenAtPageOne()))))
                .doesNotThrowAnyException();
    }

    private static void assertRefused(byte[] pdf, String reason) {
        assertThatThrownBy(() -> Pdfs.check("file", pdf)).isInstanceOf(DomainException.class).hasMessage(reason)
                .extracting(e -> ((DomainException) e).field()).isEqualTo("file");
    }

    private static long allocatedByThisThread() {
        return ((com.sun.management.ThreadMXBean) ManagementFactory.getThreadMXBean()).getCurrentThreadAllocatedBytes();
    }
}
