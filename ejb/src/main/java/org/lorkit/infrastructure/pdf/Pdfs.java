package org.lorkit.infrastructure.pdf;

import org.apache.pdfbox.Loader;
import org.apache.pdfbox.cos.COSDictionary;
import org.apache.pdfbox.cos.COSName;
import org.apache.pdfbox.io.MemoryUsageSetting;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDPage;
import org.apache.pdfbox.pdmodel.PDPageContentStream;
import org.apache.pdfbox.pdmodel.common.PDRectangle;
import org.apache.pdfbox.pdmodel.font.PDType1Font;
import org.apache.pdfbox.pdmodel.font.Standard14Fonts;
import org.lorkit.domain.shared.DomainException;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/** What LorKit does with PDFs: checks an upload is a readable PDF, and builds the one-click kit PDF. */
public final class Pdfs {
    public static final int MAX_BYTES = 5 * 1024 * 1024;
    private static final MemoryUsageSetting KIT_MEMORY = MemoryUsageSetting.setupMixed(1024 * 1024);
    private static final byte[] SIGNATURE = "%PDF-".getBytes(StandardCharsets.US_ASCII);

    private Pdfs() {
    }

    /**
     * Refuses anything but a readable, unencrypted PDF of at most 5 MB, without active content and within the
     * inspection's limits ({@link PdfInspection}); returns its page count.
     */
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
        return PdfInspection.check(field, bytes, PdfInspection.Limits.UPLOAD);
    }

    /** The same checks as {@link #check}, for a file already stored: why it would be refused, if it would. */
    public static Optional<String> refusal(byte[] bytes) {
        try {
            check("file", bytes);
            return Optional.empty();
        } catch (DomainException e) {
            return Optional.of(e.getMessage());
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

    /**
     * The combined kit: a cover page with the lines given, then each attached PDF's pages in order. The pages are
     * imported, not cloned: PDFBox's cloner follows references recursively, the writer does not, so no object
     * graph can exhaust the stack here. Stream data beyond 1 MB goes to a temporary file, not the heap.
     */
    public static byte[] kit(List<String> coverLines, List<byte[]> attachments) {
        List<PDDocument> parts = new ArrayList<>();
        try (PDDocument kit = new PDDocument(KIT_MEMORY.streamCache)) {
            cover(kit, coverLines);
            for (byte[] attachment : attachments) {
                PDDocument part = Loader.loadPDF(attachment, "", null, null, KIT_MEMORY.streamCache);
                parts.add(part);
                for (PDPage page : part.getPages()) {
                    importPage(kit, page);
                }
            }
            ByteArrayOutputStream out = new ByteArrayOutputStream();
            kit.save(out);
            return out.toByteArray();
        } catch (IOException e) {
            throw new IllegalStateException("Could not build the kit PDF", e);
        } finally {
            parts.forEach(Pdfs::closeQuietly);
        }
    }

    /**
     * PDFBox's importPage without its one step that reads the page's content: that step decodes every content
     * stream of the page whole into the heap to compress it again. Here the content streams are carried over as
     * they are, still compressed, and written from the attachment's bytes when the kit is saved.
     */
    static void importPage(PDDocument kit, PDPage page) {
        COSDictionary copy = new COSDictionary(page.getCOSObject());
        copy.removeItem(COSName.PARENT);
        PDPage imported = new PDPage(copy);
        copy.resetImportedObjectKeys();
        kit.addPage(imported);
        // The page leaves its page tree: what it inherited from there is set on it.
        imported.setCropBox(new PDRectangle(page.getCropBox().getCOSArray()));
        imported.setMediaBox(new PDRectangle(page.getMediaBox().getCOSArray()));
        imported.setRotation(page.getRotation());
        if (!page.getCOSObject().containsKey(COSName.RESOURCES) && page.getResources() != null) {
            imported.setResources(page.getResources());
        }
    }

    private static void closeQuietly(PDDocument document) {
        try {
            document.close();
        } catch (IOException e) {
            // Read only: nothing to lose.
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
