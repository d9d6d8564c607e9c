package org.lorkit.application.cohort;

import java.io.Serializable;

/** A cohort with its headline counts, computed by aggregate queries (never one query per student). */
public record CohortSummary(CohortView cohort, long students, long lettersOpen, long lettersSubmitted) implements Serializable {
}
