package org.lorkit.infrastructure.pdf;

import com.ibm.icu.text.ArabicShaping;
import com.ibm.icu.text.ArabicShapingException;
import com.ibm.icu.text.Bidi;
import org.apache.pdfbox.cos.COSString;
import org.apache.pdfbox.pdmodel.PDPageContentStream;

import java.io.IOException;
import java.text.Normalizer;
import java.util.ArrayList;
import java.util.List;

/**
 * One line of the kit cover in whatever scripts it holds, ready to draw from left to right: Arabic letters joined
 * (ICU's ArabicShaping, to the presentation forms the Arabic font maps), the line put in visual order (ICU's Bidi,
 * brackets mirrored in right-to-left runs), and cut into runs of one font each ({@link CoverFonts}). Text extraction
 * gives the text back as written: PDFBox reads right-to-left runs back into logical order and presentation forms
 * back into letters, and a Devanagari run, which PDFBox shapes as it draws, carries its text as /ActualText.
 */
final class CoverLine {
    /** What no font of the chain can draw. */
    static final char MISSING = '?';

    record Run(CoverFonts.Face face, String text) {
    }

    private final CoverFonts fonts;
    private final boolean rightToLeft;
    private final List<Run> runs;

    private CoverLine(CoverFonts fonts, boolean rightToLeft, List<Run> runs) {
        this.fonts = fonts;
        this.rightToLeft = rightToLeft;
        this.runs = runs;
    }

    /**
     * The text as written (logical order) in lines of at most this width, cut at spaces before it is put in visual
     * order. Every line takes the direction of the whole text: left-to-right unless its first letter is of a
     * right-to-left script (a bullet written in Arabic).
     */
    static List<CoverLine> wrapped(String text, CoverFonts fonts, float size, float width) throws IOException {
        String logical = clean(text);
        boolean rightToLeft = Bidi.getBaseDirection(logical) == Bidi.RTL;
        List<CoverLine> lines = new ArrayList<>();
        String current = "";
        for (String word : logical.split(" ")) {
            String candidate = current.isEmpty() ? word : current + " " + word;
            if (!current.isEmpty() && of(candidate, fonts, rightToLeft).width(size) > width) {
                lines.add(of(current, fonts, rightToLeft));
                current = word;
            } else {
                current = candidate;
            }
        }
        lines.add(of(current, fonts, rightToLeft));
        return lines;
    }

    private static CoverLine of(String logical, CoverFonts fonts, boolean rightToLeft) {
        return new CoverLine(fonts, rightToLeft, runs(visual(shaped(logical), rightToLeft), fonts));
    }

    /** Drawn against the right margin: the line reads from right to left. */
    boolean rightToLeft() {
        return rightToLeft;
    }

    float width(float size) throws IOException {
        float width = 0;
        for (Run run : runs) {
            width += fonts.font(run.face()).getStringWidth(run.text()) / 1000 * size;
        }
        return width;
    }

    /** Draws the line with its left end at (x, y), inside a text object of its own. */
    void draw(PDPageContentStream out, float x, float y, float size) throws IOException {
        out.beginText();
        out.newLineAtOffset(x, y);
        for (Run run : runs) {
            out.setFont(fonts.font(run.face()), size);
            String text = run.text();
            if (run.face().carriesActualText() && !text.isBlank()) {
                // The spaces around the words are drawn outside the span: inside, extraction would count them twice.
                int start = text.length() - text.stripLeading().length();
                int end = text.stripTrailing().length();
                showText(out, text.substring(0, start));
                beginActualText(out, text.substring(start, end));
                out.showText(text.substring(start, end));
                out.endMarkedContent();
                showText(out, text.substring(end));
            } else {
                out.showText(text);
            }
        }
        out.endText();
    }

    private static void showText(PDPageContentStream out, String text) throws IOException {
        if (!text.isEmpty()) {
            out.showText(text);
        }
    }

    /** NFC (one code point for "ë" where Unicode has one), and control characters as spaces. */
    private static String clean(String text) {
        StringBuilder out = new StringBuilder(text.length());
        Normalizer.normalize(text, Normalizer.Form.NFC).codePoints()
                .forEach(c -> out.appendCodePoint(Character.isISOControl(c) ? ' ' : c));
        return out.toString();
    }

    /** Arabic letters in the form their neighbours call for (initial, medial, final, isolated; lam-alef joined). */
    private static String shaped(String logical) {
        try {
            return new ArabicShaping(ArabicShaping.LETTERS_SHAPE | ArabicShaping.LENGTH_GROW_SHRINK
                    | ArabicShaping.TEXT_DIRECTION_LOGICAL).shape(logical);
        } catch (ArabicShapingException e) {
            return logical;
        }
    }

    /** The order a reader sees, left to right. */
    private static String visual(String logical, boolean rightToLeft) {
        Bidi bidi = new Bidi();
        bidi.setPara(logical, rightToLeft ? Bidi.RTL : Bidi.LTR, null);
        return bidi.writeReordered(Bidi.DO_MIRRORING | Bidi.REMOVE_BIDI_CONTROLS);
    }

    /**
     * Each character in the first font of the chain that has it; a space, a mark or punctuation stays in the run it
     * is in when that font has it, so that a run of Arabic or Devanagari words is not cut at every space.
     */
    private static List<Run> runs(String visual, CoverFonts fonts) {
        List<Run> runs = new ArrayList<>();
        CoverFonts.Face current = null;
        StringBuilder text = new StringBuilder();
        for (int i = 0; i < visual.length(); ) {
            int c = visual.codePointAt(i);
            i += Character.charCount(c);
            CoverFonts.Face face = current != null && isNeutral(c) && fonts.has(current, c) ? current : fonts.faceFor(c);
            if (face == null) {
                if (Character.getType(c) == Character.FORMAT) {
                    continue; // a joiner or direction mark no font draws: nothing to see
                }
                c = MISSING;
                face = current != null && fonts.has(current, c) ? current : CoverFonts.Face.LATIN;
            }
            if (face != current && text.length() > 0) {
                runs.add(new Run(current, text.toString()));
                text.setLength(0);
            }
            current = face;
            text.appendCodePoint(c);
        }
        if (text.length() > 0) {
            runs.add(new Run(current, text.toString()));
        }
        return runs;
    }

    private static boolean isNeutral(int c) {
        Character.UnicodeScript script = Character.UnicodeScript.of(c);
        return script == Character.UnicodeScript.COMMON || script == Character.UnicodeScript.INHERITED;
    }

    /**
     * Opens a marked-content span whose /ActualText is the text given. It is written inline, with PDFBox's raw
     * append (the one way to write an inline property list with it): PDFBox's own text extraction reads
     * /ActualText from an inline property list only, not from one its beginMarkedContent names in the resources.
     */
    @SuppressWarnings("deprecation")
    private static void beginActualText(PDPageContentStream out, String text) throws IOException {
        out.appendRawCommands("/Span <</ActualText <" + new COSString(text).toHexString() + ">>> BDC\n");
    }
}
