package org.lorkit.domain.letter;

import org.lorkit.domain.shared.DomainException;
import org.lorkit.domain.worklog.SummaryBullets;

import java.io.Serializable;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;

/**
 * What a kit still lacks before it can go out: the CV, the personal statement, a work summary of at least
 * {@value SummaryBullets#MIN} kept bullets, the student's ERAS AAMC ID and the saved deadline. Named as the
 * student reads them on the kit page, in that order.
 *
 * @param hasCv         whether the student has a CV on file
 * @param hasStatement  whether the student has a personal statement on file
 * @param bulletsKept   how many work-summary bullets the student kept for the rotation
 * @param erasAamcId    the student's ERAS AAMC ID, or null
 * @param deadline      the deadline saved with the kit details, or null
 */
public record KitReadiness(boolean hasCv, boolean hasStatement, int bulletsKept, String erasAamcId, LocalDate deadline)
        implements Serializable {

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
