package org.lorkit.infrastructure.pdf;

import org.apache.pdfbox.Loader;
import org.apache.pdfbox.cos.COSArray;
import org.apache.pdfbox.cos.COSBase;
import org.apache.pdfbox.cos.COSDictionary;
import org.apache.pdfbox.cos.COSName;
import org.apache.pdfbox.cos.COSObject;
import org.apache.pdfbox.io.MemoryUsageSetting;
import org.apache.pdfbox.io.RandomAccessReadBuffer;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.encryption.InvalidPasswordException;
import org.lorkit.domain.shared.DomainException;

import java.io.IOException;
import java.time.Duration;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.IdentityHashMap;
import java.util.Map;
import java.util.Set;

/**
 * Reads an uploaded PDF with bounded memory and time and refuses what an attending should not open: active
 * content (JavaScript, actions run on opening or by additional actions, launch actions, embedded files, XFA
 * forms), too many pages, and object graphs too deep or too large to handle safely.
 * <p>
 * Active content is refused, not removed. The student's file then stays byte-identical to the one on their
 * computer (its SHA-256 on the version list matches), nothing rewritten by LorKit can look different from what
 * they checked, and they learn what to fix; ordinary exports (Word, Google Docs, Pages, Print → Save as PDF)
 * carry none of it, so saving the file again as a plain PDF is always the way out.
 * <p>
 * Every object reachable from the trailer is looked at once, iteratively (a crafted graph cannot exhaust the
 * stack here), within a deadline that the reads of the file themselves enforce; then the pages are imported as
 * the combined kit will import them.
 */
public final class PdfInspection {
    private static final String AGAIN = ": save it again as a plain PDF (Print → Save as PDF) and upload that";
    /** Actions that only move within the document or open a web link the reader clicks: a CV's links and bookmarks. */
    private static final Set<String> PASSIVE_ACTIONS = Set.of("GoTo", "URI", "Named");
    private static final COSName ACTION = COSName.getPDFName("Action");
    private static final String ENCRYPTED = "This PDF is encrypted or password-protected: save it without protection";

    /** How far an inspection may go before it refuses the file. */
    public record Limits(int maxPages, int maxDepth, int maxObjects, Duration timeLimit, long mainMemoryBytes,
                         long maxStreamBytes, long maxDecodedBytes) {
        /**
         * For a CV or personal statement: 50 pages is far more than either needs; real documents are a few
         * dozen levels deep and a few thousand objects; a 5 MB file parses in well under a second. Stream data
         * beyond 1 MB goes to a temporary file instead of the heap. One stream may decode to 64 MB (a 12-megapixel
         * photo is 36 MB), since PDFBox holds an object stream whole in the heap; all of them to 256 MB.
         */
        public static final Limits UPLOAD = new Limits(50, 1_000, 100_000, Duration.ofSeconds(10), 1024 * 1024,
                64L * 1024 * 1024, 256L * 1024 * 1024);
    }

    private final String field;
    private final Limits limits;
    private final long deadline;
    private final Map<COSBase, Boolean> seen = new IdentityHashMap<>();
    private int pages;

    private PdfInspection(String field, Limits limits) {
        this.field = field;
        this.limits = limits;
        this.deadline = System.nanoTime() + limits.timeLimit().toNanos();
    }

    /** Refuses, with a reason in the student's terms, anything but a plain, readable PDF within the limits; returns its page count. */
    public static int check(String field, byte[] bytes, Limits limits) {
        return new PdfInspection(field, limits).inspect(bytes);
    }

    private int inspect(byte[] bytes) {
        measureStreams(bytes);
        MemoryUsageSetting memory = MemoryUsageSetting.setupMixed(limits.mainMemoryBytes());
        try (PDDocument document = Loader.loadPDF(new TimedRead(bytes), "", null, null, memory.streamCache)) {
            if (document.isEncrypted()) {
                throw refusal(ENCRYPTED);
            }
            int claimed = document.getNumberOfPages();
            if (claimed == 0) {
                throw refusal("This PDF has no pages");
            }
            if (claimed > limits.maxPages()) {
                throw refusal("This PDF has " + claimed + " pages; " + pageLimit());
            }
            walk(document);
            tryTheKit(document, memory);
            return Math.max(claimed, pages);
        } catch (InvalidPasswordException e) {
            throw refusal(ENCRYPTED);
        } catch (TimeLimit e) {
            throw refusal(tooSlow());
        } catch (IOException e) {
            throw refusal("This PDF cannot be read (" + e.getMessage() + "): export it again as PDF");
        }
    }

    /** Before PDFBox parses anything: it decodes some streams whole into the heap, outside the memory setting. */
    private void measureStreams(byte[] bytes) {
        try {
            StreamExpansion.measure(bytes, limits.maxStreamBytes(), limits.maxDecodedBytes(), this::checkTime);
        } catch (StreamExpansion.TooLarge e) {
            throw refusal("This PDF expands to more than " + e.limit() / (1024 * 1024) + " MB when opened" + AGAIN);
        } catch (StreamExpansion.Encrypted e) {
            throw refusal(ENCRYPTED);
        } catch (StreamExpansion.Unusual e) {
            throw refusal("This PDF is built in an unusual way (its filters are kept apart from its streams)" + AGAIN);
        } catch (TimeLimit e) {
            throw refusal(tooSlow());
        }
    }

    private record Visit(COSBase object, int depth, boolean action) {
    }

    private void walk(PDDocument document) {
        Map<?, Long> xref = document.getDocument().getXrefTable();
        Deque<Visit> stack = new ArrayDeque<>();
        stack.push(new Visit(document.getDocument().getTrailer(), 0, false));
        while (!stack.isEmpty()) {
            Visit visit = stack.pop();
            COSBase object = visit.object();
            if (visit.depth() > limits.maxDepth()) {
                throw refusal(nestedTooDeeply());
            }
            if (object instanceof COSObject reference) {
                COSBase target = reference.getObject();
                checkTime();
                // PDFBox logs and drops an object it cannot parse (one nested more than 500 levels, say); one
                // the file lists but that comes back empty is refused rather than passed on half-read.
                if (target == null && xref.containsKey(reference.getKey())) {
                    throw refusal(nestedTooDeeply());
                }
                if (target != null) {
                    stack.push(new Visit(target, visit.depth() + 1, visit.action()));
                }
            } else if (object instanceof COSDictionary dictionary) {
                if (firstTime(dictionary)) {
                    look(dictionary, visit.action());
                    for (Map.Entry<COSName, COSBase> entry : dictionary.entrySet()) {
                        boolean action = entry.getKey().equals(COSName.A) || entry.getKey().equals(COSName.OPEN_ACTION)
                                || (isAction(dictionary, visit.action()) && entry.getKey().equals(COSName.NEXT));
                        stack.push(new Visit(entry.getValue(), visit.depth() + 1, action));
                    }
                }
            } else if (object instanceof COSArray array && firstTime(array)) {
                for (COSBase item : array) {
                    stack.push(new Visit(item, visit.depth() + 1, visit.action()));
                }
            }
        }
    }

    /**
     * Imports every page into a scratch document, as the combined kit will ({@link Pdfs#importPage}). PDFBox follows the
     * references of an imported page recursively, in its own order, so a graph the walk found shallow can still be
     * deep along another path: a file that would exhaust the stack when the kit is built is refused now, once,
     * rather than failing every download.
     */
    private void tryTheKit(PDDocument document, MemoryUsageSetting memory) throws IOException {
        try (PDDocument scratch = new PDDocument(memory.streamCache)) {
            for (org.apache.pdfbox.pdmodel.PDPage page : document.getPages()) {
                Pdfs.importPage(scratch, page);
                checkTime();
            }
        } catch (StackOverflowError e) {
            throw refusal(nestedTooDeeply());
        }
    }

    private boolean firstTime(COSBase container) {
        if (seen.put(container, Boolean.TRUE) != null) {
            return false;
        }
        checkTime();
        if (seen.size() > limits.maxObjects()) {
            throw refusal("This PDF has more than " + limits.maxObjects() + " objects" + AGAIN);
        }
        return true;
    }

    /** What one dictionary may bring in: refused with the reason the student can act on. */
    private void look(COSDictionary dictionary, boolean asAction) {
        if (dictionary.containsKey(COSName.JS) || dictionary.containsKey(COSName.JAVA_SCRIPT)) {
            throw refusal("This PDF runs JavaScript" + AGAIN);
        }
        if (dictionary.containsKey(COSName.AA)) {
            throw refusal("This PDF runs actions when a page or a field is opened or used" + AGAIN);
        }
        if (dictionary.containsKey(COSName.EMBEDDED_FILES) || dictionary.containsKey(COSName.EF)
                || COSName.EMBEDDED_FILE.equals(dictionary.getCOSName(COSName.TYPE))) {
            throw refusal("This PDF carries embedded files" + AGAIN);
        }
        if (dictionary.containsKey(COSName.XFA)) {
            throw refusal("This PDF is an XFA form" + AGAIN);
        }
        if (isAction(dictionary, asAction)) {
            String kind = dictionary.getNameAsString(COSName.S);
            if ("JavaScript".equals(kind)) {
                throw refusal("This PDF runs JavaScript" + AGAIN);
            }
            if ("Launch".equals(kind)) {
                throw refusal("This PDF can start a program (a launch action)" + AGAIN);
            }
            if (!PASSIVE_ACTIONS.contains(kind)) {
                throw refusal("This PDF has active content (a " + kind + " action)" + AGAIN);
            }
        }
        // Opening at a page is what ordinary exports do; anything else run on opening is refused.
        COSBase open = dictionary.getDictionaryObject(COSName.OPEN_ACTION);
        if (open instanceof COSDictionary openAction && !"GoTo".equals(openAction.getNameAsString(COSName.S))) {
            look(openAction, true);
            throw refusal("This PDF runs an action when it is opened" + AGAIN);
        }
        if (COSName.PAGE.equals(dictionary.getCOSName(COSName.TYPE))) {
            // The page tree's count can lie: the pages themselves are counted too.
            if (++pages > limits.maxPages()) {
                throw refusal("This PDF has more than " + limits.maxPages() + " pages; " + pageLimit());
            }
        }
    }

    /** /S also names transparency groups, soft masks and structure roles: it means an action only where an action belongs. */
    private static boolean isAction(COSDictionary dictionary, boolean asAction) {
        return dictionary.containsKey(COSName.S)
                && (ACTION.equals(dictionary.getCOSName(COSName.TYPE)) || asAction && !dictionary.containsKey(COSName.TYPE));
    }

    private String pageLimit() {
        return "a CV or personal statement can have at most " + limits.maxPages();
    }

    private String tooSlow() {
        return "This PDF takes more than " + limits.timeLimit().toSeconds() + " seconds to read" + AGAIN;
    }

    private String nestedTooDeeply() {
        return "This PDF is damaged or nested too deeply to be read safely" + AGAIN;
    }

    private void checkTime() {
        if (System.nanoTime() - deadline > 0) {
            throw new TimeLimit();
        }
    }

    private DomainException refusal(String reason) {
        return new DomainException(field, reason);
    }

    /** Unchecked, so that PDFBox, which logs and drops many an IOException, lets it through. */
    private static final class TimeLimit extends RuntimeException {
        private static final long serialVersionUID = 1L;

        TimeLimit() {
            super("The time limit for reading the PDF has passed", null, false, false);
        }
    }

    /** The upload's bytes, read by the parser under the inspection's deadline (every parse goes through here). */
    private final class TimedRead extends RandomAccessReadBuffer {
        private int reads;

        TimedRead(byte[] bytes) {
            super(bytes);
        }

        @Override
        public int read() throws IOException {
            if ((++reads & 0xFFF) == 0) {
                checkTime();
            }
            return super.read();
        }

        @Override
        public int read(byte[] buffer, int offset, int length) throws IOException {
            checkTime();
            return super.read(buffer, offset, length);
        }
    }
}
