package org.lorkit.application.roster;

import java.io.Serializable;
import java.util.List;

/**
 * What a file would do, before anything is stored: the counts, and every problem by line and column
 * (the first {@value RosterPlan#MAX_LISTED_PROBLEMS}; {@code problemCount} says how many in all). Only a
 * file without problems gets an {@code importId}, which is what confirming needs.
 */
public record RosterPreview(String importId, int rows, int newStudents, int existingStudents, int newAttendings,
                            int existingAttendings, int rotations, int problemCount, List<RowProblem> problems)
        implements Serializable {

    static RosterPreview of(String importId, RosterPlan plan) {
        return new RosterPreview(importId, plan.rows(), plan.newStudents().size(), plan.reusedStudents().size(),
                plan.newAttendings().size(), plan.reusedAttendings().size(), plan.rotations().size(), plan.problemCount(),
                plan.problems());
    }

    /** True when the file has no problems and can be confirmed. */
    public boolean ready() {
        return importId != null && problemCount == 0;
    }

    public boolean problemsTruncated() {
        return problemCount > problems.size();
    }
}
