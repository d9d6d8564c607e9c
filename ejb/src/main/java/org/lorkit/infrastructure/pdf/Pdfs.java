package org.lorkit.infrastructure.pdf;

import org.apache.pdfbox.Loader;
import org.apache.pdfbox.cos.COSDictionary;
import org.apache.pdfbox.cos.COSName;
import org.apache.pdfbox.io.MemoryUsageSetting;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDPage;
import org.apache.pdfbox.pdmodel.PDPageContentStream;
import org.apache.pdfbox.pdmodel.common.PDRectangle;
import org.lorkit.domain.shared.DomainException;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/** What LorKit does with PDFs: checks an upload is a readable PDF, and builds the one-click kit PDF. */
public final class Pdfs {
    public static final int MAX_BYTES = 5 * 1024 * 1024;
    private static final MemoryUsageSetting KIT_MEMORY = MemoryUsageSetting.setupMixed(1024 * 1024);
    private static final byte[] SIGNATURE = "%PDF-".getBytes(StandardCharsets.US_ASCII);
    /**
     * How the cover is drawn, part of the key a built kit is kept under: a new value when a change here would draw
     * the same text differently. 2: every script in embedded Unicode fonts (1 printed "?" outside Latin-1).
     */
    public static final String COVER_LAYOUT = "cover-2";

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
     * graph can exhaust the stack here. Stream data beyond 1 MB goes to a temporary file, not the heap. The cover
     * is a document of its own, imported the same way ({@link #cover}).
     */
    public static byte[] kit(List<String> coverLines, List<byte[]> attachments) {
        List<PDDocument> parts = new ArrayList<>();
        try (PDDocument kit = new PDDocument(KIT_MEMORY.streamCache)) {
            PDDocument cover = new PDDocument(KIT_MEMORY.streamCache);
            parts.add(cover);
            cover(cover, coverLines);
            for (PDPage page : cover.getPages()) {
                importPage(kit, page);
            }
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

    /**
     * The cover: the first line as a title, the others below it, each wrapped at the margins (a line written in a
     * right-to-left script against the right one), in the fonts of {@link CoverFonts}, so that a name in any
     * script the chain covers is printed as written. The document is then saved once, for nothing: PDFBox embeds
     * the font subsets, and writes their ToUnicode maps, only when it saves, and those maps are completed after
     * that ({@link CoverFonts#completeToUnicode}).
     */
    private static void cover(PDDocument cover, List<String> lines) throws IOException {
        CoverFonts regular = new CoverFonts(cover, false);
        CoverFonts bold = new CoverFonts(cover, true);
        float margin = 56;
        float width = PDRectangle.LETTER.getWidth() - 2 * margin;
        PDPage page = new PDPage(PDRectangle.LETTER);
        cover.addPage(page);
        PDPageContentStream text = new PDPageContentStream(cover, page);
        float y = PDRectangle.LETTER.getHeight() - margin;
        boolean first = true;
        for (String line : lines) {
            CoverFonts fonts = first ? bold : regular;
            float size = first ? 16 : 11;
            for (CoverLine wrapped : CoverLine.wrapped(line, fonts, size, width)) {
                if (y < margin) {
                    text.close();
                    page = new PDPage(PDRectangle.LETTER);
                    cover.addPage(page);
                    text = new PDPageContentStream(cover, page);
                    y = PDRectangle.LETTER.getHeight() - margin;
                }
                wrapped.draw(text, wrapped.rightToLeft() ? margin + width - wrapped.width(size) : margin, y, size);
                y -= size * 1.5f;
            }
            first = false;
        }
        text.close();
        cover.save(OutputStream.nullOutputStream());
        regular.completeToUnicode();
        bold.completeToUnicode();
    }
}
