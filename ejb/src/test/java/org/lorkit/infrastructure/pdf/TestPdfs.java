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
import java.util.zip.Deflater;

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

    /**
     * The catalog in an object stream (with a cross-reference stream, as PDF 1.5 writers do) whose compressed
     * data, under 2 MB, inflates to the catalog followed by {@code inflated} bytes of blanks.
     */
    static byte[] objectStreamBomb(long inflated) {
        byte[] header = "2 0 ".getBytes(StandardCharsets.ISO_8859_1);
        byte[] catalog = "<< /Type /Catalog /Pages 3 0 R >>".getBytes(StandardCharsets.ISO_8859_1);
        byte[] data = deflated(header, catalog, inflated);
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        long[] offsets = new long[6];
        write(out, "%PDF-1.7\n");
        offsets[1] = out.size();
        write(out, "1 0 obj\n<< /Type /ObjStm /N 1 /First " + header.length + " /Filter /FlateDecode /Length " + data.length + " >>\nstream\n");
        out.writeBytes(data);
        write(out, "\nendstream\nendobj\n");
        offsets[3] = out.size();
        write(out, "3 0 obj\n<< /Type /Pages /Kids [4 0 R] /Count 1 >>\nendobj\n");
        offsets[4] = out.size();
        write(out, "4 0 obj\n<< /Type /Page /Parent 3 0 R /MediaBox [0 0 612 792] >>\nendobj\n");
        offsets[5] = out.size();
        ByteArrayOutputStream entries = new ByteArrayOutputStream();
        for (int number = 0; number < offsets.length; number++) {
            int type = number == 0 ? 0 : number == 2 ? 2 : 1;
            long field2 = number == 2 ? 1 : offsets[number];
            entries.write(type);
            for (int shift = 24; shift >= 0; shift -= 8) {
                entries.write((int) (field2 >> shift) & 0xFF);
            }
            entries.write(0);
            entries.write(number == 0 ? 0xFF : 0);
        }
        write(out, "5 0 obj\n<< /Type /XRef /Size 6 /Root 2 0 R /W [1 4 2] /Length " + entries.size() + " >>\nstream\n");
        out.writeBytes(entries.toByteArray());
        write(out, "\nendstream\nendobj\nstartxref\n" + offsets[5] + "\n%%EOF\n");
        return out.toByteArray();
    }

    /** One page whose content stream, under 2 MB compressed, inflates to a line of text and {@code inflated} blanks. */
    static byte[] contentStreamBomb(long inflated) {
        byte[] data = deflated("BT /F1 12 Tf 72 700 Td (Curriculum vitae) Tj ET".getBytes(StandardCharsets.ISO_8859_1), new byte[0], inflated);
        return rawWithStream(List.of(
                "<< /Type /Catalog /Pages 2 0 R >>",
                "<< /Type /Pages /Kids [3 0 R] /Count 1 >>",
                "<< /Type /Page /Parent 2 0 R /MediaBox [0 0 612 792] /Contents 4 0 R >>"),
                "<< /Filter /FlateDecode /Length " + data.length + " >>", data);
    }

    /** A classic PDF of the objects given and, as the last object, a stream with the dictionary and raw data given. */
    static byte[] rawWithStream(List<String> objects, String dictionary, byte[] data) {
        ByteArrayOutputStream body = new ByteArrayOutputStream();
        write(body, dictionary + "\nstream\n");
        body.writeBytes(data);
        write(body, "\nendstream");
        List<String> all = new ArrayList<>(objects);
        all.add(body.toString(StandardCharsets.ISO_8859_1));
        return raw(all);
    }

    /** One page whose content stream has the dictionary and raw data given. */
    static byte[] pageWithContent(String dictionary, byte[] data) {
        return rawWithStream(List.of(
                "<< /Type /Catalog /Pages 2 0 R >>",
                "<< /Type /Pages /Kids [3 0 R] /Count 1 >>",
                "<< /Type /Page /Parent 2 0 R /MediaBox [0 0 612 792] /Contents 4 0 R >>"),
                dictionary.replace("LENGTH", Integer.toString(data.length)), data);
    }

    /** {@code inflated} blanks, deflated. */
    static byte[] deflatedBlanks(long inflated) {
        return deflated(new byte[0], new byte[0], inflated);
    }

    static byte[] hex(byte[] data) {
        return (java.util.HexFormat.of().formatHex(data) + ">").getBytes(StandardCharsets.US_ASCII);
    }

    /** A one-page CV with a photo of the size given, compressed losslessly (FlateDecode), as PNGs are. */
    static byte[] withPhoto(int width, int height) {
        return build(1, document -> {
            try {
                java.awt.image.BufferedImage photo = new java.awt.image.BufferedImage(width, height, java.awt.image.BufferedImage.TYPE_INT_RGB);
                for (int y = 0; y < height; y += 7) {
                    for (int x = 0; x < width; x += 3) {
                        photo.setRGB(x, y, (x * 31 + y * 17) & 0xFFFFFF);
                    }
                }
                var image = org.apache.pdfbox.pdmodel.graphics.image.LosslessFactory.createFromImage(document, photo);
                try (PDPageContentStream content = new PDPageContentStream(document, document.getPage(0),
                        PDPageContentStream.AppendMode.APPEND, true)) {
                    content.drawImage(image, 72, 72, 200, 150);
                }
            } catch (IOException e) {
                throw new IllegalStateException(e);
            }
        });
    }

    /** The bytes given, then {@code blanks} spaces, deflated in one zlib stream without holding the blanks in memory. */
    private static byte[] deflated(byte[] first, byte[] second, long blanks) {
        Deflater deflater = new Deflater(Deflater.BEST_COMPRESSION);
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        byte[] buffer = new byte[64 * 1024];
        byte[] spaces = new byte[1024 * 1024];
        java.util.Arrays.fill(spaces, (byte) ' ');
        deflate(deflater, first, first.length, buffer, out);
        deflate(deflater, second, second.length, buffer, out);
        for (long left = blanks; left > 0; left -= spaces.length) {
            deflate(deflater, spaces, (int) Math.min(left, spaces.length), buffer, out);
        }
        deflater.finish();
        while (!deflater.finished()) {
            out.write(buffer, 0, deflater.deflate(buffer));
        }
        deflater.end();
        return out.toByteArray();
    }

    private static void deflate(Deflater deflater, byte[] input, int length, byte[] buffer, ByteArrayOutputStream out) {
        deflater.setInput(input, 0, length);
        while (!deflater.needsInput()) {
            out.write(buffer, 0, deflater.deflate(buffer));
        }
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
