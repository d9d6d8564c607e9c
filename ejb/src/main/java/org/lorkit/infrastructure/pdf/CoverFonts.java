package org.lorkit.infrastructure.pdf;

import org.apache.fontbox.cmap.CMap;
import org.apache.fontbox.cmap.CMapParser;
import org.apache.fontbox.ttf.CmapLookup;
import org.apache.fontbox.ttf.TTFParser;
import org.apache.fontbox.ttf.TrueTypeFont;
import org.apache.fontbox.ttf.model.GsubData;
import org.apache.fontbox.ttf.model.ScriptFeature;
import org.apache.pdfbox.cos.COSName;
import org.apache.pdfbox.cos.COSStream;
import org.apache.pdfbox.io.RandomAccessRead;
import org.apache.pdfbox.io.RandomAccessReadBuffer;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.common.PDStream;
import org.apache.pdfbox.pdmodel.font.PDType0Font;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The fonts of the kit cover, one chain per weight, tried in this order for every character: Noto Sans (Latin,
 * Greek, Cyrillic), Noto Sans Arabic, Noto Sans Devanagari, Noto Sans SC (Chinese, and the kana of Japanese). All
 * are OFL; the first three are in src/main/resources, the Chinese one comes from Maven Central (ejb/pom.xml). A font
 * file is read once per server, the first time a cover needs one of its characters (the Chinese one is 10 MB), and
 * each kit embeds only the glyphs it uses.
 */
final class CoverFonts {

    /** The fonts of the chain, in the order they are tried. */
    enum Face {
        LATIN("fonts/ttf/Noto/NotoSans-Regular.ttf", "fonts/ttf/Noto/NotoSans-Bold.ttf"),
        ARABIC("fonts/ttf/Noto/NotoSansArabic-Regular.ttf", "fonts/ttf/Noto/NotoSansArabic-Bold.ttf"),
        /**
         * PDFBox shapes Devanagari itself when it draws (the font's GSUB: conjuncts, half forms, reph, the i-matra
         * before its consonant), so the glyphs drawn are no longer the characters in their order: such a run
         * carries its text as /ActualText, which is what text extraction and copying read.
         */
        DEVANAGARI("fonts/ttf/Noto/NotoSansDevanagari-Regular.ttf", "fonts/ttf/Noto/NotoSansDevanagari-Bold.ttf"),
        CJK("fonts/ttf/NotoSansSC/NotoSansSC-Regular.ttf", "fonts/ttf/NotoSansSC/NotoSansSC-Bold.ttf");

        private final String regular;
        private final String bold;

        Face(String regular, String bold) {
            this.regular = regular;
            this.bold = bold;
        }

        boolean carriesActualText() {
            return this == DEVANAGARI;
        }

        String resource(boolean isBold) {
            return isBold ? bold : regular;
        }
    }

    private static final Map<String, Parsed> PARSED = new ConcurrentHashMap<>();

    private final PDDocument document;
    private final boolean bold;
    private final Map<Face, PDType0Font> loaded = new EnumMap<>(Face.class);

    /** The fonts of one weight for one document: each is added to the document when first used. */
    CoverFonts(PDDocument document, boolean bold) {
        this.document = document;
        this.bold = bold;
    }

    /** The first font of the chain with a glyph for the character, if any has one. */
    Face faceFor(int codePoint) {
        for (Face face : Face.values()) {
            if (has(face, codePoint)) {
                return face;
            }
        }
        return null;
    }

    boolean has(Face face, int codePoint) {
        return parsed(face).cmap.getGlyphId(codePoint) != 0;
    }

    PDType0Font font(Face face) {
        return loaded.computeIfAbsent(face, f -> {
            try {
                return PDType0Font.load(document, parsed(f).ttf, true);
            } catch (IOException e) {
                throw new UncheckedIOException("Could not embed the cover font " + f.resource(bold), e);
            }
        });
    }

    /**
     * Replaces the ToUnicode map PDFBox wrote for each font used (on saving the document, when it embeds the
     * subset) with a complete one. PDFBox names a glyph's text only through the font's cmap, and the glyphs its
     * shaping put in (a Devanagari conjunct, half form or reph) have no code point there: text extraction skipped
     * them, which it read as a gap between words (a space too many), and a reader without /ActualText lost the
     * letters. Such a glyph now maps to the characters the font's GSUB makes it from.
     */
    void completeToUnicode() throws IOException {
        for (Map.Entry<Face, PDType0Font> entry : loaded.entrySet()) {
            PDType0Font font = entry.getValue();
            if (!(font.getDescendantFont().getCOSObject().getDictionaryObject(COSName.CID_TO_GID_MAP) instanceof COSStream cidToGid)) {
                continue; // not subset (the document was not saved): PDFBox's map is the whole cmap
            }
            byte[] gids;
            try (InputStream in = cidToGid.createInputStream()) {
                gids = in.readAllBytes();
            }
            CMap pdfBoxMap = null;
            if (font.getCOSObject().getDictionaryObject(COSName.TO_UNICODE) instanceof COSStream written) {
                try (RandomAccessRead in = written.createView()) {
                    pdfBoxMap = new CMapParser().parse(in);
                }
            }
            Parsed parsed = parsed(entry.getKey());
            Map<Integer, String> texts = new TreeMap<>();
            for (int cid = 1; cid < gids.length / 2; cid++) { // the CIDs are the font's glyph ids; 0 is .notdef
                if (((gids[2 * cid] & 0xff) << 8 | (gids[2 * cid + 1] & 0xff)) != 0) {
                    // PDFBox's own mapping first: it knows which of the characters sharing a glyph was drawn
                    String text = pdfBoxMap == null ? null : pdfBoxMap.toUnicode(cid, 2);
                    text = text != null ? text : parsed.text(cid);
                    if (text != null) {
                        texts.put(cid, text);
                    }
                }
            }
            font.getCOSObject().setItem(COSName.TO_UNICODE, new PDStream(document,
                    new ByteArrayInputStream(toUnicodeCMap(texts)), COSName.FLATE_DECODE));
        }
    }

    /** A ToUnicode CMap for two-byte codes (Identity-H), as ISO 32000 section 9.10.3 describes it. */
    private static byte[] toUnicodeCMap(Map<Integer, String> texts) {
        StringBuilder cmap = new StringBuilder("""
                /CIDInit /ProcSet findresource begin
                12 dict begin
                begincmap
                /CIDSystemInfo << /Registry (Adobe) /Ordering (UCS) /Supplement 0 >> def
                /CMapName /Adobe-Identity-UCS def
                /CMapType 2 def
                1 begincodespacerange
                <0000> <FFFF>
                endcodespacerange
                """);
        HexFormat hex = HexFormat.of().withUpperCase();
        List<Map.Entry<Integer, String>> entries = new ArrayList<>(texts.entrySet());
        for (int from = 0; from < entries.size(); from += 100) { // at most 100 mappings a block
            List<Map.Entry<Integer, String>> block = entries.subList(from, Math.min(from + 100, entries.size()));
            cmap.append(block.size()).append(" beginbfchar\n");
            for (Map.Entry<Integer, String> e : block) {
                cmap.append('<').append(hex.toHexDigits((short) e.getKey().intValue())).append("> <")
                        .append(hex.formatHex(e.getValue().getBytes(StandardCharsets.UTF_16BE))).append(">\n");
            }
            cmap.append("endbfchar\n");
        }
        cmap.append("""
                endcmap
                CMapName currentdict /CMap defineresource pop
                end
                end
                """);
        return cmap.toString().getBytes(StandardCharsets.US_ASCII);
    }

    private Parsed parsed(Face face) {
        return PARSED.computeIfAbsent(face.resource(bold), Parsed::parse);
    }

    /**
     * A font file read into memory, shared by every kit built on this server: FontBox reads its tables under locks,
     * and the "close" PDFBox calls on it after embedding a subset does nothing to a font read from memory (several
     * kits in a row are built from the same fonts in CoverScriptsTest).
     */
    private static final class Parsed {
        final TrueTypeFont ttf;
        final CmapLookup cmap;
        private volatile Map<Integer, List<Integer>> madeFrom;

        private Parsed(TrueTypeFont ttf) throws IOException {
            this.ttf = ttf;
            this.cmap = ttf.getUnicodeCmapLookup();
        }

        static Parsed parse(String resource) {
            try (InputStream in = CoverFonts.class.getClassLoader().getResourceAsStream(resource)) {
                if (in == null) {
                    throw new IllegalStateException("The cover font " + resource + " is not on the class path");
                }
                try (RandomAccessReadBuffer buffer = new RandomAccessReadBuffer(in)) {
                    return new Parsed(new TTFParser().parse(buffer));
                }
            } catch (IOException e) {
                throw new UncheckedIOException("Could not read the cover font " + resource, e);
            }
        }

        /** The characters a glyph stands for: its code point, else what the GSUB makes it from; null if neither. */
        String text(int gid) {
            return text(gid, 0);
        }

        private String text(int gid, int depth) {
            List<Integer> codes = cmap.getCharCodes(gid);
            if (codes != null && !codes.isEmpty()) {
                return new String(Character.toChars(codes.get(0)));
            }
            List<Integer> parts = madeFrom().get(gid);
            if (parts == null || depth > 8) {
                return null;
            }
            StringBuilder text = new StringBuilder();
            for (int part : parts) {
                String partText = text(part, depth + 1);
                if (partText == null) {
                    return null;
                }
                text.append(partText);
            }
            return text.toString();
        }

        /** For each glyph a substitution of the GSUB PDFBox shapes with gives, the shortest sequence it replaces. */
        private Map<Integer, List<Integer>> madeFrom() {
            Map<Integer, List<Integer>> known = madeFrom;
            if (known == null) {
                known = new HashMap<>();
                try {
                    GsubData gsub = ttf.getGsubData();
                    Comparator<List<Integer>> shorterFirst = Comparator.<List<Integer>>comparingInt(List::size)
                            .thenComparing(List::toString);
                    for (String name : gsub == GsubData.NO_DATA_FOUND ? List.<String>of() : gsub.getSupportedFeatures()) {
                        ScriptFeature feature = gsub.getFeature(name);
                        for (List<Integer> sequence : feature.getAllGlyphIdsForSubstitution()) {
                            Integer glyph = feature.getReplacementForGlyphs(sequence);
                            if (glyph != null && !(sequence.size() == 1 && sequence.get(0).equals(glyph))) {
                                known.merge(glyph, List.copyOf(sequence),
                                        (a, b) -> shorterFirst.compare(a, b) <= 0 ? a : b);
                            }
                        }
                    }
                } catch (IOException e) {
                    throw new UncheckedIOException(e);
                }
                madeFrom = known;
            }
            return known;
        }
    }
}
