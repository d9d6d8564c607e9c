package org.lorkit.it.support;

import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDPage;
import org.apache.pdfbox.pdmodel.PDPageContentStream;
import org.apache.pdfbox.pdmodel.encryption.AccessPermission;
import org.apache.pdfbox.pdmodel.encryption.StandardProtectionPolicy;
import org.apache.pdfbox.pdmodel.font.PDType1Font;
import org.apache.pdfbox.pdmodel.font.Standard14Fonts;
import org.apache.pdfbox.pdmodel.interactive.action.PDActionJavaScript;

import java.io.ByteArrayOutputStream;
import java.io.IOException;

/** PDFs made for the tests: a CV of so many pages, a password-protected one, and one that runs JavaScript when opened. */
public final class SamplePdfs {
    private SamplePdfs() {
    }

    public static byte[] pages(int count, String text) {
        return build(count, text, false);
    }

    public static byte[] encrypted() {
        return build(1, "secret", true);
    }

    public static byte[] runsJavaScriptWhenOpened() {
        try (PDDocument document = Loader.loadPDF(pages(1, "CV"))) {
            document.getDocumentCatalog().setOpenAction(new PDActionJavaScript("app.launchURL('https://tracker.example/opened');"));
            ByteArrayOutputStream out = new ByteArrayOutputStream();
            document.save(out);
            return out.toByteArray();
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }

    private static byte[] build(int count, String text, boolean encrypt) {
        try (PDDocument document = new PDDocument()) {
            for (int i = 1; i <= count; i++) {
                PDPage page = new PDPage();
                document.addPage(page);
                try (PDPageContentStream content = new PDPageContentStream(document, page)) {
                    content.beginText();
                    content.setFont(new PDType1Font(Standard14Fonts.FontName.HELVETICA), 12);
                    content.newLineAtOffset(72, 700);
                    content.showText(text + " - page " + i);
                    content.endText();
                }
            }
            if (encrypt) {
                StandardProtectionPolicy policy = new StandardProtectionPolicy("owner", "user", new AccessPermission());
                policy.setEncryptionKeyLength(128);
                document.protect(policy);
            }
            ByteArrayOutputStream out = new ByteArrayOutputStream();
            document.save(out);
            return out.toByteArray();
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }
}
