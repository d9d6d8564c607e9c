package org.lorkit.infrastructure.pdf;

import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.rendering.PDFRenderer;
import org.apache.pdfbox.text.PDFTextStripper;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import javax.imageio.ImageIO;
import java.awt.image.BufferedImage;
import java.nio.file.Files;
import java.nio.file.Path;
import java.text.Normalizer;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The kit cover prints a name in the script it is written in: text extraction gives it back, and a picture of the
 * cover is left in target/cover-SCRIPT.png for a person to look at (the glyphs joined, ordered and combined as a
 * reader of that script expects).
 */
class CoverScriptsTest {

    @ParameterizedTest(name = "{0}")
    @CsvSource({
            "latin,      Zoë Nuñez-Çelik, Université de Montréal",
            "arabic,     ليلى حسن,        جامعة القاهرة",
            "devanagari, अनन्या शर्मा,      दिल्ली विश्वविद्यालय",
            "chinese,    王芳,            北京大学",
    })
    void the_cover_prints_the_name_as_written_and_extraction_gives_it_back(String script, String name, String school) throws Exception {
        byte[] pdf = Pdfs.kit(cover(name, school), List.of());

        try (PDDocument kit = Loader.loadPDF(pdf)) {
            String text = Normalizer.normalize(new PDFTextStripper().getText(kit), Normalizer.Form.NFC);
            assertThat(text).contains("Letter of recommendation kit - " + nfc(name))
                    .contains("Role: fourth-year medical student from " + nfc(school))
                    .contains("\u2022 Presented on rounds daily")
                    .doesNotContain("?");
            assertThat(text).as("ligatures (fi, ffi) read back as their letters").contains("Wrote the first official discharge summaries");

            BufferedImage image = new PDFRenderer(kit).renderImageWithDPI(0, 110);
            Path png = Path.of("target", "cover-" + script + ".png");
            Files.createDirectories(png.getParent());
            ImageIO.write(image, "png", png.toFile());
            assertThat(png).isNotEmptyFile();
        }
    }

    @Test
    void a_name_typed_with_combining_accents_is_printed_with_the_composed_letters() throws Exception {
        String typed = Normalizer.normalize("Zoë Nuñez-Çelik", Normalizer.Form.NFD);
        byte[] pdf = Pdfs.kit(cover(typed, "Université de Montréal"), List.of());

        try (PDDocument kit = Loader.loadPDF(pdf)) {
            assertThat(new PDFTextStripper().getText(kit)).contains("Letter of recommendation kit - Zo\u00eb Nu\u00f1ez-\u00c7elik");
        }
    }

    @Test
    void the_cover_in_several_scripts_comes_first_and_the_documents_follow_whole() throws Exception {
        byte[] pdf = Pdfs.kit(cover("ليلى حسن अनन्या 王芳", "Cairo University"), List.of(TestPdfs.plain(2), TestPdfs.plain(1)));

        assertThat(Pdfs.refusal(pdf)).as("the kit is a PDF LorKit itself would accept").isEmpty();
        try (PDDocument kit = Loader.loadPDF(pdf)) {
            assertThat(kit.getNumberOfPages()).isEqualTo(1 + 2 + 1);
            PDFTextStripper cover = new PDFTextStripper();
            cover.setEndPage(1);
            assertThat(cover.getText(kit)).contains("Letter of recommendation kit - ليلى حسن अनन्या 王芳");
        }
    }

    @Test
    void a_line_written_in_arabic_reads_right_to_left_and_wraps_in_reading_order() throws Exception {
        String bullet = "\u2022 " + "قدمت حالات القلب في الجولة الصباحية ".repeat(6).strip();
        byte[] pdf = Pdfs.kit(List.of("Letter of recommendation kit - ليلى حسن", bullet), List.of());

        try (PDDocument kit = Loader.loadPDF(pdf)) {
            String[] lines = new PDFTextStripper().getText(kit).strip().split("\\R");
            assertThat(lines).as("the bullet wraps").hasSizeGreaterThan(2);
            String unwrapped = String.join(" ", List.of(lines).subList(1, lines.length));
            assertThat(unwrapped).isEqualTo(bullet);
        }
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource({"emoji, \uD83D\uDE00", "a private-use character, \uE000"})
    void a_character_no_font_has_is_printed_as_a_question_mark(String what, String character) throws Exception {
        byte[] pdf = Pdfs.kit(List.of("Letter of recommendation kit - Amara " + character + " Okafor"), List.of());

        try (PDDocument kit = Loader.loadPDF(pdf)) {
            assertThat(new PDFTextStripper().getText(kit)).contains("Letter of recommendation kit - Amara ? Okafor");
        }
    }

    private static List<String> cover(String name, String school) {
        return List.of(
                "Letter of recommendation kit - " + name,
                "For Dr. Priya Raman, thank you for agreeing to write a strong letter.",
                "Rotation: Internal medicine, Mercy General (inpatient)",
                "Role: fourth-year medical student from " + school,
                "What I did on your service:",
                "\u2022 Presented on rounds daily and followed six patients on the CHF service",
                "\u2022 Wrote the first official discharge summaries (reviewed by Dr. Raman)",
                "How to submit: ERAS emails you an upload link once I enter you in ERAS.");
    }

    private static String nfc(String text) {
        return Normalizer.normalize(text, Normalizer.Form.NFC);
    }
}
