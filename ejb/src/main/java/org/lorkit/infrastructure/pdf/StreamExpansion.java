package org.lorkit.infrastructure.pdf;

import org.apache.pdfbox.cos.COSArray;
import org.apache.pdfbox.cos.COSBase;
import org.apache.pdfbox.cos.COSBoolean;
import org.apache.pdfbox.cos.COSDictionary;
import org.apache.pdfbox.cos.COSFloat;
import org.apache.pdfbox.cos.COSInteger;
import org.apache.pdfbox.cos.COSName;
import org.apache.pdfbox.cos.COSNull;
import org.apache.pdfbox.cos.COSString;
import org.apache.pdfbox.filter.FilterFactory;
import org.apache.pdfbox.io.RandomAccessInputStream;
import org.apache.pdfbox.io.RandomAccessOutputStream;
import org.apache.pdfbox.io.RandomAccessReadWriteBuffer;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

/**
 * Measures what every stream of a file decodes to, on the raw bytes, before PDFBox reads any of them. PDFBox
 * decodes object streams and cross-reference streams whole into the heap while it parses (outside its
 * MemoryUsageSetting), and PDFBox's importPage decodes page contents the same way: a 5 MB upload can inflate to
 * gigabytes there. Here the decoded bytes are only counted, and counting stops at the limit.
 * <p>
 * Every stream is an indirect object in the file itself ("n g obj &lt;&lt;...&gt;&gt; stream"; a stream cannot sit
 * inside an object stream), so scanning for them finds each stream PDFBox may ever decode, including ones its
 * repair of a damaged file would find, and some it never will (data that only looks like a stream costs
 * counting, nothing else). Each is decoded with PDFBox's own filters from where PDFBox starts reading its data
 * to where its length says it ends, or to the end of the file when the length is not a plain number that fits:
 * the filters stop at their own end markers, so this never counts less than PDFBox would decode. Image codecs
 * are counted by the raster they declare (JPEG, CCITT) or by their size (JPEG 2000, JBIG2, which PDFBox here
 * cannot decode). Predictors are left out: they never make data larger.
 */
final class StreamExpansion {
    /** Decoding went past a limit: thrown through PDFBox's filters, which swallow many an IOException. */
    static final class TooLarge extends RuntimeException {
        private static final long serialVersionUID = 1L;
        private final long limit;

        TooLarge(long limit) {
            super("Decoded data beyond " + limit + " bytes", null, false, false);
            this.limit = limit;
        }

        long limit() {
            return limit;
        }
    }

    /** The file is encrypted: its stream data cannot be measured before it is decrypted. */
    static final class Encrypted extends RuntimeException {
        private static final long serialVersionUID = 1L;

        Encrypted() {
            super("Encrypted", null, false, false);
        }
    }

    /** A stream whose filters are not written out where they stand: too unusual to measure, so refused. */
    static final class Unusual extends RuntimeException {
        private static final long serialVersionUID = 1L;

        Unusual() {
            super("Indirect filters", null, false, false);
        }
    }

    private static final byte[] OBJ = ascii("obj");
    private static final byte[] END = ascii("end");
    private static final byte[] STREAM = ascii("stream");
    private static final byte[] TRAILER = ascii("trailer");
    private static final byte[] ENDSTREAM = ascii("endstream");
    private static final byte[] ENDOBJ = ascii("endobj");
    private static final COSName ENCRYPT = COSName.ENCRYPT;
    /** Nesting this deep inside a stream's dictionary is skipped over, not built: the filters sit at the top. */
    private static final int DEEPEST = 32;

    private final byte[] pdf;
    private final long perStream;
    private final long perFile;
    private final Runnable checkTime;
    private long decodedInFile;
    private long decodedInStream;
    private int position;

    private StreamExpansion(byte[] pdf, long perStream, long perFile, Runnable checkTime) {
        this.pdf = pdf;
        this.perStream = perStream;
        this.perFile = perFile;
        this.checkTime = checkTime;
    }

    /**
     * Throws {@link TooLarge} when one stream decodes to more than {@code perStream} bytes or all of them to more
     * than {@code perFile}, {@link Encrypted} for an encrypted file, {@link Unusual} for filters written
     * elsewhere; returns the bytes all streams decode to.
     */
    static long measure(byte[] pdf, long perStream, long perFile, Runnable checkTime) {
        return new StreamExpansion(pdf, perStream, perFile, checkTime).measureAll();
    }

    private long measureAll() {
        for (int at = 0; at < pdf.length; at++) {
            if (at % 4096 == 0) {
                checkTime.run();
            }
            if (matches(at, OBJ) && !(at >= 3 && matches(at - 3, END))) {
                objectAt(at + OBJ.length);
            } else if (matches(at, TRAILER)) {
                trailerAt(at + TRAILER.length);
            }
        }
        return decodedInFile;
    }

    private void trailerAt(int start) {
        position = start;
        skipSpaces();
        if (matches(position, ascii("<<")) && parse(0) instanceof COSDictionary trailer && trailer.containsKey(ENCRYPT)) {
            throw new Encrypted();
        }
    }

    private void objectAt(int start) {
        position = start;
        skipSpaces();
        if (!matches(position, ascii("<<")) || !(parse(0) instanceof COSDictionary dictionary)) {
            return;
        }
        skipSpaces();
        if (!matches(position, STREAM) || matches(position, ENDSTREAM)) {
            return;
        }
        if (dictionary.containsKey(ENCRYPT)) {
            // A cross-reference stream's dictionary is the trailer.
            throw new Encrypted();
        }
        int dataStart = dataStart(position + STREAM.length);
        decodedInStream = 0;
        decode(dictionary, dataStart, dataEnd(dictionary, dataStart));
    }

    /** Where PDFBox starts reading a stream's data: after blanks, then CR LF, CR or LF (BaseParser.skipWhiteSpaces). */
    private int dataStart(int afterKeyword) {
        int at = afterKeyword;
        while (at < pdf.length && pdf[at] == ' ') {
            at++;
        }
        if (at < pdf.length && pdf[at] == '\r') {
            at++;
            if (at < pdf.length && pdf[at] == '\n') {
                at++;
            }
        } else if (at < pdf.length && pdf[at] == '\n') {
            at++;
        }
        return at;
    }

    /** Where PDFBox stops: at the stated length if endstream (or endobj) follows it there, else somewhere before the file's end. */
    private int dataEnd(COSDictionary dictionary, int dataStart) {
        if (dictionary.getItem(COSName.LENGTH) instanceof COSInteger length && length.longValue() >= 0
                && dataStart + length.longValue() <= pdf.length) {
            int end = (int) (dataStart + length.longValue());
            int after = end;
            while (after < pdf.length && isSpace(pdf[after])) {
                after++;
            }
            if (matches(after, ENDSTREAM) || matches(after, ENDOBJ)) {
                return end;
            }
        }
        return pdf.length;
    }

    private void decode(COSDictionary dictionary, int dataStart, int dataEnd) {
        List<COSName> filters = filters(dictionary);
        if (filters.isEmpty()) {
            count(dataEnd - dataStart);
            return;
        }
        InputStream input = new ByteArrayInputStream(pdf, dataStart, dataEnd - dataStart);
        for (int index = 0; index < filters.size(); index++) {
            String filter = canonical(filters.get(index));
            boolean last = index == filters.size() - 1;
            try {
                switch (filter) {
                    case "FlateDecode", "LZWDecode", "ASCIIHexDecode", "ASCII85Decode", "RunLengthDecode" -> {
                        COSDictionary parameters = withoutPredictor(filter, dictionary, index);
                        if (last) {
                            FilterFactory.INSTANCE.getFilter(filter).decode(input, new Counter(), parameters, 0);
                            return;
                        }
                        input = intermediate(filter, input, parameters);
                    }
                    case "DCTDecode" -> {
                        count(JpegSize.declared(input));
                        return;
                    }
                    case "CCITTFaxDecode" -> {
                        count(ccittSize(dictionary, index));
                        return;
                    }
                    default -> {
                        // JPXDecode, JBIG2Decode (no decoder here), Crypt (encrypted files are refused), or unknown.
                        count(input.available());
                        return;
                    }
                }
            } catch (IOException e) {
                // PDFBox cannot decode it either: what was decoded before the damage is counted, and no more.
                return;
            }
        }
    }

    /** One filter's output, kept for the next filter, as PDFBox keeps it; its size counts as decoded. */
    private InputStream intermediate(String filter, InputStream input, COSDictionary parameters) throws IOException {
        RandomAccessReadWriteBuffer buffer = new RandomAccessReadWriteBuffer();
        OutputStream out = new RandomAccessOutputStream(buffer);
        FilterFactory.INSTANCE.getFilter(filter).decode(input, new Counter(out), parameters, 0);
        buffer.seek(0);
        return new RandomAccessInputStream(buffer);
    }

    /**
     * The parameters to decode one filter with, without its predictor: a predictor never makes data larger, but
     * the two rows it holds are sized by the parameters alone (Predictor.PredictorOutputStream), so they are
     * counted as decoded bytes instead of being allocated here (when the parameters can be read here at all).
     * LZW's EarlyChange stays: it changes the output.
     */
    private COSDictionary withoutPredictor(String filter, COSDictionary dictionary, int index) {
        COSDictionary found = decodeParameters(dictionary, index);
        COSDictionary given = found != null ? found : "LZWDecode".equals(filter) ? known(null) : new COSDictionary();
        if (given.getInt(COSName.PREDICTOR) > 1) {
            long colors = Math.min(given.getInt(COSName.COLORS, 1), 32);
            long bitsPerComponent = given.getInt(COSName.BITS_PER_COMPONENT, 8);
            long columns = given.getInt(COSName.COLUMNS, 1);
            count(2 * Math.max(0, (colors * bitsPerComponent * columns + 7) / 8));
        }
        COSDictionary kept = new COSDictionary();
        if (given.containsKey(COSName.EARLY_CHANGE)) {
            kept.setItem(COSName.EARLY_CHANGE, given.getItem(COSName.EARLY_CHANGE));
        }
        COSDictionary parameters = new COSDictionary();
        parameters.setItem(COSName.FILTER, COSName.getPDFName(filter));
        parameters.setItem(COSName.DECODE_PARMS, kept);
        return parameters;
    }

    /**
     * A filter's parameters, as Filter.getDecodeParams finds them, or null when they are given by reference
     * (PDFBox itself writes them so, often into an object stream, out of reach here).
     */
    private static COSDictionary decodeParameters(COSDictionary dictionary, int index) {
        COSBase filter = dictionary.containsKey(COSName.F) ? dictionary.getItem(COSName.F) : dictionary.getItem(COSName.FILTER);
        COSBase parameters = dictionary.containsKey(COSName.DP) ? dictionary.getItem(COSName.DP) : dictionary.getItem(COSName.DECODE_PARMS);
        if (parameters instanceof COSArray array && filter instanceof COSArray) {
            parameters = index < array.size() ? array.get(index) : null;
        } else if (!(filter instanceof COSName)) {
            parameters = null;
        }
        if (parameters instanceof Reference) {
            return null;
        }
        return parameters instanceof COSDictionary given ? given : new COSDictionary();
    }

    /** Parameters that change how much a filter writes, given by reference: refused, since they cannot be read here. */
    private static COSDictionary known(COSDictionary parameters) {
        if (parameters == null) {
            throw new Unusual();
        }
        return parameters;
    }

    private static long ccittSize(COSDictionary dictionary, int index) {
        COSDictionary given = known(decodeParameters(dictionary, index));
        if (given.getItem(COSName.COLUMNS) instanceof Reference || given.getItem(COSName.ROWS) instanceof Reference
                || dictionary.getItem(COSName.HEIGHT) instanceof Reference || dictionary.getItem(COSName.H) instanceof Reference) {
            throw new Unusual();
        }
        // CCITTFaxFilter's own reading of the raster's size.
        long columns = given.getInt(COSName.COLUMNS, 1728);
        long rows = given.getInt(COSName.ROWS, 0);
        long height = dictionary.getInt(COSName.HEIGHT, COSName.H, 0);
        rows = rows > 0 && height > 0 ? height : Math.max(rows, height);
        return (columns + 7) / 8 * rows;
    }

    /** The stream's filters by name; filters given by reference, which no ordinary writer does, are refused. */
    private static List<COSName> filters(COSDictionary dictionary) {
        COSBase filter = dictionary.getItem(COSName.FILTER);
        List<COSName> names = new ArrayList<>();
        if (filter instanceof COSName name) {
            names.add(name);
        } else if (filter instanceof COSArray array) {
            for (COSBase item : array) {
                if (!(item instanceof COSName name)) {
                    throw new Unusual();
                }
                names.add(name);
            }
        } else if (filter instanceof Reference) {
            throw new Unusual();
        }
        return names;
    }

    /** The full names behind PDFBox's abbreviations (FilterFactory). */
    private static String canonical(COSName name) {
        return switch (name.getName()) {
            case "Fl" -> "FlateDecode";
            case "LZW" -> "LZWDecode";
            case "AHx" -> "ASCIIHexDecode";
            case "A85" -> "ASCII85Decode";
            case "RL" -> "RunLengthDecode";
            case "DCT" -> "DCTDecode";
            case "CCF" -> "CCITTFaxDecode";
            default -> name.getName();
        };
    }

    private void count(long bytes) {
        decodedInStream += bytes;
        decodedInFile += bytes;
        if (decodedInStream > perStream) {
            throw new TooLarge(perStream);
        }
        if (decodedInFile > perFile) {
            throw new TooLarge(perFile);
        }
    }

    /** Counts what a filter writes, passing it on only to the next filter, and stops it at the limit. */
    private final class Counter extends OutputStream {
        private final OutputStream next;
        private int writes;

        Counter() {
            this(OutputStream.nullOutputStream());
        }

        Counter(OutputStream next) {
            this.next = next;
        }

        @Override
        public void write(int b) throws IOException {
            count(1);
            if ((++writes & 0xFFFF) == 0) {
                checkTime.run();
            }
            next.write(b);
        }

        @Override
        public void write(byte[] bytes, int offset, int length) throws IOException {
            count(length);
            checkTime.run();
            next.write(bytes, offset, length);
        }
    }

    // A tolerant reader of the objects in a stream's dictionary, after PDFBox's BaseParser: what it cannot read
    // it skips, so that a dictionary PDFBox accepts is never missed here.

    /** An indirect reference ("n g R"): only whether a value is one matters here. */
    private static final class Reference extends COSBase {
        @Override
        public void accept(org.apache.pdfbox.cos.ICOSVisitor visitor) {
            // Never written out.
        }
    }

    private COSBase parse(int depth) {
        skipSpaces();
        if (position >= pdf.length) {
            return COSNull.NULL;
        }
        byte c = pdf[position];
        if (c == '<' && position + 1 < pdf.length && pdf[position + 1] == '<') {
            position += 2;
            if (depth >= DEEPEST) {
                skipNested();
                return COSNull.NULL;
            }
            return dictionary(depth);
        }
        if (c == '<') {
            position++;
            while (position < pdf.length && pdf[position] != '>') {
                position++;
            }
            position++;
            return new COSString("");
        }
        if (c == '[') {
            position++;
            if (depth >= DEEPEST) {
                skipNested();
                return COSNull.NULL;
            }
            return array(depth);
        }
        if (c == '(') {
            skipLiteralString();
            return new COSString("");
        }
        if (c == '/') {
            return name();
        }
        if (isDigit(c) || c == '-' || c == '+' || c == '.') {
            return number();
        }
        String word = word();
        return switch (word) {
            case "true" -> COSBoolean.TRUE;
            case "false" -> COSBoolean.FALSE;
            default -> COSNull.NULL;
        };
    }

    private COSDictionary dictionary(int depth) {
        COSDictionary dictionary = new COSDictionary();
        while (true) {
            skipSpaces();
            if (position >= pdf.length) {
                return dictionary;
            }
            if (pdf[position] == '>') {
                position += matches(position, ascii(">>")) ? 2 : 1;
                return dictionary;
            }
            if (pdf[position] != '/') {
                // Junk where a key belongs: PDFBox skips it too.
                int before = position;
                parse(depth + 1);
                if (position == before) {
                    position++;
                }
                continue;
            }
            COSName key = name();
            dictionary.setItem(key, value(depth + 1));
        }
    }

    private COSArray array(int depth) {
        COSArray array = new COSArray();
        while (true) {
            skipSpaces();
            if (position >= pdf.length) {
                return array;
            }
            if (pdf[position] == ']') {
                position++;
                return array;
            }
            if (pdf[position] == '>' || matches(position, ENDOBJ)) {
                return array;
            }
            int before = position;
            array.add(value(depth + 1));
            if (position == before) {
                position++;
            }
        }
    }

    /** A value, or a reference when two integers and R follow each other. */
    private COSBase value(int depth) {
        COSBase value = parse(depth);
        if (value instanceof COSInteger) {
            int after = position;
            skipSpaces();
            if (position < pdf.length && isDigit(pdf[position])) {
                COSBase generation = number();
                skipSpaces();
                if (generation instanceof COSInteger && position < pdf.length && pdf[position] == 'R'
                        && (position + 1 >= pdf.length || !isRegular(pdf[position + 1]))) {
                    position++;
                    return new Reference();
                }
            }
            position = after;
        }
        return value;
    }

    private COSName name() {
        position++;
        StringBuilder name = new StringBuilder();
        while (position < pdf.length && isRegular(pdf[position])) {
            byte c = pdf[position];
            if (c == '#' && position + 2 < pdf.length && isHex(pdf[position + 1]) && isHex(pdf[position + 2])) {
                name.append((char) Integer.parseInt(new String(pdf, position + 1, 2, StandardCharsets.US_ASCII), 16));
                position += 3;
            } else {
                name.append((char) (c & 0xFF));
                position++;
            }
        }
        return COSName.getPDFName(name.toString());
    }

    private COSBase number() {
        String word = word();
        try {
            return word.contains(".") ? new COSFloat(Float.parseFloat(word)) : COSInteger.get(Long.parseLong(word));
        } catch (NumberFormatException e) {
            return COSNull.NULL;
        }
    }

    private String word() {
        int start = position;
        while (position < pdf.length && isRegular(pdf[position])) {
            position++;
        }
        if (position == start) {
            position++;
        }
        return new String(pdf, start, position - start, StandardCharsets.ISO_8859_1);
    }

    private void skipLiteralString() {
        int open = 0;
        while (position < pdf.length) {
            byte c = pdf[position++];
            if (c == '\\') {
                position++;
            } else if (c == '(') {
                open++;
            } else if (c == ')' && --open == 0) {
                return;
            }
        }
    }

    /** Skips to the end of a dictionary or array too deep to build, counting brackets, not recursing. */
    private void skipNested() {
        int open = 1;
        while (position < pdf.length && open > 0) {
            byte c = pdf[position];
            if (c == '(') {
                skipLiteralString();
                continue;
            }
            if (c == '%') {
                skipSpaces();
                continue;
            }
            if (c == '[' || c == '<' && position + 1 < pdf.length && pdf[position + 1] == '<') {
                open++;
                position += c == '[' ? 1 : 2;
            } else if (c == ']' || c == '>' && position + 1 < pdf.length && pdf[position + 1] == '>') {
                open--;
                position += c == ']' ? 1 : 2;
            } else {
                position++;
            }
        }
    }

    /** Blanks and comments, as PDFBox's skipSpaces. */
    private void skipSpaces() {
        while (position < pdf.length) {
            byte c = pdf[position];
            if (c == '%') {
                while (position < pdf.length && pdf[position] != '\n' && pdf[position] != '\r') {
                    position++;
                }
            } else if (isSpace(c)) {
                position++;
            } else {
                return;
            }
        }
    }

    private boolean matches(int at, byte[] keyword) {
        if (at < 0 || at + keyword.length > pdf.length) {
            return false;
        }
        for (int i = 0; i < keyword.length; i++) {
            if (pdf[at + i] != keyword[i]) {
                return false;
            }
        }
        return true;
    }

    private static boolean isSpace(byte c) {
        return c == ' ' || c == '\n' || c == '\r' || c == '\t' || c == '\f' || c == 0;
    }

    private static boolean isRegular(byte c) {
        return !isSpace(c) && "()<>[]{}/%".indexOf(c) < 0;
    }

    private static boolean isDigit(byte c) {
        return c >= '0' && c <= '9';
    }

    private static boolean isHex(byte c) {
        return isDigit(c) || c >= 'a' && c <= 'f' || c >= 'A' && c <= 'F';
    }

    private static byte[] ascii(String text) {
        return text.getBytes(StandardCharsets.US_ASCII);
    }

    /** The raster a JPEG declares in its frame header, as ImageIO would allocate it to decode the image. */
    static final class JpegSize {
        private JpegSize() {
        }

        static long declared(InputStream jpeg) throws IOException {
            if (jpeg.read() != 0xFF || jpeg.read() != 0xD8) {
                return 0;
            }
            while (true) {
                if (jpeg.read() != 0xFF) {
                    return 0;
                }
                int marker = jpeg.read();
                while (marker == 0xFF) {
                    marker = jpeg.read();
                }
                if (marker < 0) {
                    return 0;
                }
                if (marker == 0xD8 || marker >= 0xD0 && marker <= 0xD7 || marker == 0x01) {
                    continue;
                }
                int length = (jpeg.read() << 8) | jpeg.read();
                if (length < 2) {
                    return 0;
                }
                boolean frame = marker >= 0xC0 && marker <= 0xCF && marker != 0xC4 && marker != 0xC8 && marker != 0xCC;
                if (frame) {
                    jpeg.read();
                    long height = (jpeg.read() << 8) | jpeg.read();
                    long width = (jpeg.read() << 8) | jpeg.read();
                    long components = jpeg.read();
                    return height * width * Math.max(components, 1);
                }
                if (jpeg.skip(length - 2L) < length - 2L) {
                    return 0;
                }
                // Stop before scanning the image data: the frame header comes first.
                if (marker == 0xDA) {
                    return 0;
                }
            }
        }
    }
}
