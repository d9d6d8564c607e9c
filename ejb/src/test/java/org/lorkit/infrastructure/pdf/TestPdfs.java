package org.lorkit.infrastructure.pdf;

import org.apache.pdfbox.cos.COSArray;
import org.apache.pdfbox.cos.COSDictionary;
import org.apache.pdfbox.cos.COSName;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDDocumentNameDictionary;
import org.apache.pdfbox.pdmodel.PDEmbeddedFilesNameTreeNode;
import org.apache.pdfbox.pdmodel.PDPage;
import org.apache.pdfbox.pdmodel.PDPageContentStream;
import org.apache.pdfbox.pdmodel.common.PDRectangle;
import org.apache.pdfbox.pdmodel.common.filespecification.PDComplexFileSpecification;
import org.apache.pdfbox.pdmodel.common.filespecification.PDEmbeddedFile;
import org.apache.pdfbox.pdmodel.font.PDType1Font;
import org.apache.pdfbox.pdmodel.font.Standard14Fonts;
import org.apache.pdfbox.pdmodel.interactive.action.PDActionJavaScript;
import org.apache.pdfbox.pdmodel.interactive.action.PDActionLaunch;
import org.apache.pdfbox.pdmodel.interactive.action.PDActionURI;
import org.apache.pdfbox.pdmodel.interactive.action.PDPageAdditionalActions;
import org.apache.pdfbox.pdmodel.interactive.annotation.PDAnnotationLink;
import org.apache.pdfbox.pdmodel.interactive.documentnavigation.destination.PDPageFitDestination;
import org.apache.pdfbox.pdmodel.interactive.form.PDAcroForm;
import org.apache.pdfbox.pdmodel.interactive.form.PDXFAResource;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;

/** PDFs built in code: a plain CV, and the kinds of active or oversized content an upload must not bring in. */
final class TestPdfs {
    private TestPdfs() {
    }

    static byte[] plain(int pages) {
        return build(pages, document -> {
        });
    }

    /** A plain CV with what ordinary exports carry: a web link, and an open action that only shows page 1. */
    static byte[] plainWithLinkAndOpenAtPageOne() {
        return build(1, document -> {
            PDAnnotationLink link = new PDAnnotationLink();
            link.setRectangle(new PDRectangle(72, 600, 200, 20));
            PDActionURI uri = new PDActionURI();
            uri.setURI("https://www.linkedin.com/in/someone");
            link.setAction(uri);
            addAnnotation(document, link);
            PDPageFitDestination fit = new PDPageFitDestination();
            fit.setPage(document.getPage(0));
            document.getDocumentCatalog().setOpenAction(fit);
        });
    }

    static byte[] openActionJavaScript() {
        return build(1, document -> document.getDocumentCatalog().setOpenAction(new PDActionJavaScript("app.alert('hello');")));
    }

    static byte[] documentLevelJavaScript() {
        return build(1, document -> {
            COSDictionary tree = new COSDictionary();
            COSArray names = new COSArray();
            names.add(new org.apache.pdfbox.cos.COSString("init"));
            names.add(new PDActionJavaScript("this.print();").getCOSObject());
            tree.setItem(COSName.NAMES, names);
            PDDocumentNameDictionary dictionary = new PDDocumentNameDictionary(document.getDocumentCatalog());
            dictionary.getCOSObject().setItem(COSName.JAVA_SCRIPT, tree);
            document.getDocumentCatalog().setNames(dictionary);
        });
    }

    static byte[] pageAdditionalAction() {
        return build(1, document -> {
            PDPageAdditionalActions actions = new PDPageAdditionalActions();
            PDActionURI uri = new PDActionURI();
            uri.setURI("https://tracker.example/opened");
            actions.setO(uri);
            document.getPage(0).setActions(actions);
        });
    }

    static byte[] launchLink() {
        return build(1, document -> {
            PDAnnotationLink link = new PDAnnotationLink();
            link.setRectangle(new PDRectangle(72, 600, 200, 20));
            PDActionLaunch launch = new PDActionLaunch();
            launch.setFile(new PDComplexFileSpecification());
            launch.getCOSObject().setString(COSName.F, "cmd.exe");
            link.setAction(launch);
            addAnnotation(document, link);
        });
    }

    static byte[] embeddedFile() {
        return build(1, document -> {
            try {
                PDEmbeddedFile file = new PDEmbeddedFile(document, new ByteArrayInputStream("MZ payload".getBytes(StandardCharsets.US_ASCII)));
                PDComplexFileSpecification spec = new PDComplexFileSpecification();
                spec.setFile("invoice.exe");
                spec.setEmbeddedFile(file);
                PDEmbeddedFilesNameTreeNode tree = new PDEmbeddedFilesNameTreeNode();
                tree.setNames(Map.of("invoice.exe", spec));
                PDDocumentNameDictionary dictionary = new PDDocumentNameDictionary(document.getDocumentCatalog());
                dictionary.setEmbeddedFiles(tree);
                document.getDocumentCatalog().setNames(dictionary);
            } catch (IOException e) {
                throw new IllegalStateException(e);
            }
        });
    }

    static byte[] xfaForm() {
        return build(1, document -> {
            PDAcroForm form = new PDAcroForm(document);
            form.getCOSObject().setString(COSName.XFA, "<xdp:xdp xmlns:xdp=\"http://ns.adobe.com/xdp/\"/>");
            document.getDocumentCatalog().setAcroForm(form);
            assert form.getXFA() instanceof PDXFAResource;
        });
    }

    private static void addAnnotation(PDDocument document, PDAnnotationLink link) {
        try {
            document.getPage(0).getAnnotations().add(link);
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }

    private static byte[] build(int pages, Consumer<PDDocument> extra) {
        try (PDDocument document = new PDDocument()) {
            PDType1Font font = new PDType1Font(Standard14Fonts.FontName.HELVETICA);
            for (int i = 1; i <= pages; i++) {
                PDPage page = new PDPage();
                document.addPage(page);
                try (PDPageContentStream content = new PDPageContentStream(document, page)) {
                    content.beginText();
                    content.setFont(font, 12);
                    content.newLineAtOffset(72, 700);
                    content.showText("Curriculum vitae - page " + i);
                    content.endText();
                }
            }
            extra.accept(document);
            ByteArrayOutputStream out = new ByteArrayOutputStream();
            document.save(out);
            return out.toByteArray();
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }

    /**
     * One page whose resources hold {@code levels} arrays (or dictionaries) inside each other. Written by hand:
     * PDFBox itself cannot save a graph this deep.
     */
    static byte[] nested(int levels, boolean dictionaries) {
        StringBuilder deep = new StringBuilder(levels * 6);
        for (int i = 0; i < levels; i++) {
            deep.append(dictionaries ? "<</A " : "[");
        }
        deep.append("0");
        for (int i = 0; i < levels; i++) {
            deep.append(dictionaries ? ">>" : "]");
        }
        return raw(List.of(
                "<< /Type /Catalog /Pages 2 0 R >>",
                "<< /Type /Pages /Kids [3 0 R] /Count 1 >>",
                "<< /Type /Page /Parent 2 0 R /MediaBox [0 0 612 792] /Resources << /Properties << /Deep 4 0 R >> >> >>",
                deep.toString()));
    }

    /** One page whose resources lead through a chain of {@code links} indirect objects, each an array holding the next. */
    static byte[] chain(int links) {
        List<String> objects = new ArrayList<>(List.of(
                "<< /Type /Catalog /Pages 2 0 R >>",
                "<< /Type /Pages /Kids [3 0 R] /Count 1 >>",
                "<< /Type /Page /Parent 2 0 R /MediaBox [0 0 612 792] /Resources << /Properties << /Deep 4 0 R >> >> >>"));
        for (int i = 0; i < links; i++) {
            objects.add("[" + (i + 5) + " 0 R]");
        }
        objects.add("0");
        return raw(objects);
    }

    /**
     * A chain of {@code links} references from the page's resources, each link also listed in a catalog entry
     * that the inspection's walk (last entry first, last item first) reaches before the pages: it meets every
     * link at depth 3, while importing the page follows the chain link by link.
     */
    static byte[] chainListedInTheCatalog(int links) {
        StringBuilder shortcuts = new StringBuilder();
        for (int i = 0; i < links; i++) {
            shortcuts.append(i + 4).append(" 0 R ");
        }
        List<String> objects = new ArrayList<>(List.of(
                "<< /Type /Catalog /Pages 2 0 R /Shortcuts [" + shortcuts + "] >>",
                "<< /Type /Pages /Kids [3 0 R] /Count 1 >>",
                "<< /Type /Page /Parent 2 0 R /MediaBox [0 0 612 792] /Resources << /Properties << /Deep 4 0 R >> >> >>"));
        for (int i = 0; i < links; i++) {
            objects.add("[" + (i + 5) + " 0 R]");
        }
        objects.add("0");
        return raw(objects);
    }

    /** A page tree whose count says one page, over {@code pages} pages. */
    static byte[] pagesUnderAFalseCount(int pages) {
        List<String> objects = new ArrayList<>(List.of("<< /Type /Catalog /Pages 2 0 R >>"));
        StringBuilder kids = new StringBuilder();
        for (int i = 0; i < pages; i++) {
            kids.append(i + 3).append(" 0 R ");
        }
        objects.add("<< /Type /Pages /Kids [" + kids + "] /Count 1 >>");
        for (int i = 0; i < pages; i++) {
            objects.add("<< /Type /Page /Parent 2 0 R /MediaBox [0 0 612 792] >>");
        }
        return raw(objects);
    }

    /** A classic PDF of the objects given (numbered from 1, the first is the catalog), with its cross-reference table. */
    static byte[] raw(List<String> objects) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        List<Integer> offsets = new ArrayList<>();
        write(out, "%PDF-1.7\n");
        for (int i = 0; i < objects.size(); i++) {
            offsets.add(out.size());
            write(out, (i + 1) + " 0 obj\n" + objects.get(i) + "\nendobj\n");
        }
        int xref = out.size();
        StringBuilder table = new StringBuilder("xref\n0 " + (objects.size() + 1) + "\n0000000000 65535 f \n");
        offsets.forEach(offset -> table.append(String.format("%010d 00000 n \n", offset)));
        write(out, table + "trailer\n<< /Size " + (objects.size() + 1) + " /Root 1 0 R >>\nstartxref\n" + xref + "\n%%EOF\n");
        return out.toByteArray();
    }

    private static void write(ByteArrayOutputStream out, String text) {
        out.writeBytes(text.getBytes(StandardCharsets.ISO_8859_1));
    }
}
