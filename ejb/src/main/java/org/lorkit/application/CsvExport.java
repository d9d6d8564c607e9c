package org.lorkit.application;

import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVPrinter;

import java.io.IOException;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.List;

/**
 * Every CSV export writes through here (Apache Commons CSV): one header, one record per row, and text cells a
 * spreadsheet would run as a formula (=, +, -, @) defused with a leading apostrophe (CSV injection).
 */
public final class CsvExport {
    private CsvExport() {
    }

    /** A download: its file name (dated on the agency's calendar) and its text. */
    public record File(String name, String text) implements java.io.Serializable {
        private static final byte[] BYTE_ORDER_MARK = {(byte) 0xEF, (byte) 0xBB, (byte) 0xBF};

        /**
         * What a download sends: the text in UTF-8 after a byte order mark, which is how Excel knows the file is
         * UTF-8 (without one it reads it in the computer's code page: "Zoë" comes out as "ZoÃ«", Arabic as noise).
         */
        public byte[] bytes() {
            byte[] text = this.text.getBytes(StandardCharsets.UTF_8);
            byte[] bytes = Arrays.copyOf(BYTE_ORDER_MARK, BYTE_ORDER_MARK.length + text.length);
            System.arraycopy(text, 0, bytes, BYTE_ORDER_MARK.length, text.length);
            return bytes;
        }
    }

    /** The rows as a file named for what it holds and the agency's day: "lorkit-students-2026-12-02.csv". */
    public static File file(String what, java.time.LocalDate agencyToday, List<String> header, List<List<Object>> rows) {
        return new File("lorkit-" + what + "-" + agencyToday + ".csv", write(header, rows));
    }

    public static String write(List<String> header, List<List<Object>> rows) {
        StringWriter out = new StringWriter();
        try (CSVPrinter csv = new CSVPrinter(out, CSVFormat.DEFAULT.builder().setHeader(header.toArray(String[]::new)).get())) {
            for (List<Object> row : rows) {
                csv.printRecord(row.stream().map(CsvExport::safe).toList());
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return out.toString();
    }

    static Object safe(Object value) {
        if (value instanceof String text && !text.isEmpty() && "=+-@\t\r".indexOf(text.charAt(0)) >= 0) {
            return "'" + text;
        }
        return value;
    }
}
