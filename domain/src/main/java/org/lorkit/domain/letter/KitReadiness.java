package org.lorkit.domain.letter;

import org.lorkit.domain.shared.DomainException;
import org.lorkit.domain.worklog.SummaryBullets;

import java.io.Serializable;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;

/**
 * What a kit still lacks before it can go out: the CV, the personal statement, a work summary of at least
 * {@value SummaryBullets#MIN} kept bullets, the student's ERAS AAMC ID, the saved deadline, and the student's word
 * that they have entered the writer in ERAS as a letter writer ({@link #ERAS_ENTRY_WHY}). Named as the student reads
 * them on the kit page, in that order.
 *
 * @param hasCv         whether the student has a CV on file
 * @param hasStatement  whether the student has a personal statement on file
 * @param bulletsKept   how many work-summary bullets the student kept for the rotation
 * @param erasAamcId    the student's ERAS AAMC ID, or null
 * @param deadline      the deadline saved with the kit details, or null
 * @param writer        the writer's name, as the kit page names them
 * @param writerInEras  whether the student says they have entered the writer in ERAS as a letter writer
 */
public record KitReadiness(boolean hasCv, boolean hasStatement, int bulletsKept, String erasAamcId, LocalDate deadline,
                           String writer, boolean writerInEras)
        implements Serializable {

    /** What happens without the ERAS entry, in the words the kit page shows beside the question. */
    public static final String ERAS_ENTRY_WHY = "ERAS emails the writer the upload link only once you add them; without it they cannot upload";

    /** The question the kit page asks, naming the writer: "I have entered Dr. X in ERAS as a letter writer". */
    public static String erasEntryQuestion(String writer) {
        return "I have entered " + writer + " in ERAS as a letter writer";
    }

    /** What is missing, in the order the kit page lists it; empty when the kit can go out. */
    public List<String> missing() {
        List<String> missing = new ArrayList<>();
        if (!hasCv) {
            missing.add("your CV");
        }
        if (!hasStatement) {
            missing.add("your personal statement");
        }
        if (bulletsKept < SummaryBullets.MIN) {
            missing.add("the work summary (" + bulletsKept + " of at least " + SummaryBullets.MIN + " bullets kept)");
        }
        if (erasAamcId == null) {
            missing.add("your ERAS AAMC ID");
        }
        if (deadline == null) {
            missing.add("the deadline (save the kit details)");
        }
        if (!writerInEras) {
            missing.add(writer + " as a letter writer in ERAS, then tick that you did (" + ERAS_ENTRY_WHY + ")");
        }
        return List.copyOf(missing);
    }

    public boolean isReady() {
        return missing().isEmpty();
    }

    /** Refuses, naming everything missing, unless the kit can go out. */
    public void requireReady() {
        List<String> missing = missing();
        if (!missing.isEmpty()) {
            throw new DomainException("kit", "Before the kit goes out, add " + String.join(", ", missing));
        }
    }
}
