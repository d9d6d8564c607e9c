package org.lorkit.infrastructure.pdf;

import org.apache.pdfbox.Loader;
import org.apache.pdfbox.multipdf.PDFMergerUtility;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDPage;
import org.apache.pdfbox.pdmodel.PDPageContentStream;
import org.apache.pdfbox.pdmodel.common.PDRectangle;
import org.apache.pdfbox.pdmodel.encryption.InvalidPasswordException;
import org.apache.pdfbox.pdmodel.font.PDType1Font;
import org.apache.pdfbox.pdmodel.font.Standard14Fonts;
import org.lorkit.domain.shared.DomainException;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

/** What LorKit does with PDFs: checks an upload is a readable PDF, and builds the one-click kit PDF. */
public final class Pdfs {
    public static final int MAX_BYTES = 5 * 1024 * 1024;
    private static final byte[] SIGNATURE = "%PDF-".getBytes(StandardCharsets.US_ASCII);

    private Pdfs() {
    }

    /** Refuses anything but a readable, unencrypted PDF of at most 5 MB; returns its page count. */
    public static int check(String field, byte[] bytes) {
        if (bytes == null || bytes.length == 0) {
            throw new DomainException(field, "The file is empty");
        }
        if (bytes.length > MAX_BYTES) {
            throw new DomainException(field, "The file is " + (bytes.length / (1024 * 1024)) + " MB; the limit is 5 MB");
        }
        if (!startsWith(bytes, SIGNATURE)) {
            throw new DomainException(field, "This is not a PDF (it does not start with %PDF-): export your document as PDF");
        }
        try (PDDocument document = Loader.loadPDF(bytes)) {
            if (document.isEncrypted()) {
                throw new DomainException(field, "This PDF is encrypted or password-protected: save it without protection");
            }
            if (document.getNumberOfPages() == 0) {
                throw new DomainException(field, "This PDF has no pages");
            }
            return document.getNumberOfPages();
        } catch (InvalidPasswordException e) {
            throw new DomainException(field, "This PDF is encrypted or password-protected: save it without protection");
        } catch (IOException e) {
            throw new DomainException(field, "This PDF cannot be read (" + e.getMessage() + "): export it again as PDF");
        }
    }

    private static boolean startsWith(byte[] bytes, byte[] prefix) {
        if (bytes.length < prefix.length) {
            return false;
        }
        for (int i = 0; i < prefix.length; i++) {
            if (bytes[i] != prefix[i]) {
                return false;
            }
        }
        return true;
    }

    /** The combined kit: a cover page with the lines given, then each attached PDF in order. */
    public static byte[] kit(List<String> coverLines, List<byte[]> attachments) {
        try (PDDocument kit = new PDDocument()) {
            cover(kit, coverLines);
            PDFMergerUtility merger = new PDFMergerUtility();
            for (byte[] attachment : attachments) {
                try (PDDocument part = Loader.loadPDF(attachment)) {
                    merger.appendDocument(kit, part);
                }
            }
            ByteArrayOutputStream out = new ByteArrayOutputStream();
            kit.save(out);
            return out.toByteArray();
        } catch (IOException e) {
            throw new IllegalStateException("Could not build the kit PDF", e);
        }
    }

    private static void cover(PDDocument kit, List<String> lines) throws IOException {
        PDType1Font regular = new PDType1Font(Standard14Fonts.FontName.HELVETICA);
        PDType1Font bold = new PDType1Font(Standard14Fonts.FontName.HELVETICA_BOLD);
        float margin = 56;
        float width = PDRectangle.LETTER.getWidth() - 2 * margin;
        PDPage page = new PDPage(PDRectangle.LETTER);
        kit.addPage(page);
        PDPageContentStream text = new PDPageContentStream(kit, page);
        float y = PDRectangle.LETTER.getHeight() - margin;
        boolean first = true;
        for (String line : lines) {
            PDType1Font font = first ? bold : regular;
            float size = first ? 16 : 11;
            for (String wrapped : wrap(printable(line), font, size, width)) {
                if (y < margin) {
                    text.close();
                    page = new PDPage(PDRectangle.LETTER);
                    kit.addPage(page);
                    text = new PDPageContentStream(kit, page);
                    y = PDRectangle.LETTER.getHeight() - margin;
                }
                text.beginText();
                text.setFont(font, size);
                text.newLineAtOffset(margin, y);
                text.showText(wrapped);
                text.endText();
                y -= size * 1.5f;
            }
            first = false;
        }
        text.close();
    }

    /** The standard fonts know WinAnsi only: anything else is shown as "?" rather than failing. */
    private static String printable(String line) {
        StringBuilder out = new StringBuilder();
        for (char c : line.toCharArray()) {
            out.append(c == '\u2013' || c == '\u2014' ? '-' : c < 256 && c >= 32 ? c : c == '\u2022' ? '\u2022' : '?');
        }
        return out.toString();
    }

    private static List<String> wrap(String line, PDType1Font font, float size, float width) throws IOException {
        List<String> lines = new ArrayList<>();
        StringBuilder current = new StringBuilder();
        for (String word : line.split(" ")) {
            String candidate = current.length() == 0 ? word : current + " " + word;
            if (font.getStringWidth(candidate) / 1000 * size > width && current.length() > 0) {
                lines.add(current.toString());
                current = new StringBuilder(word);
            } else {
                current = new StringBuilder(candidate);
            }
        }
        lines.add(current.toString());
        return lines;
    }
}
