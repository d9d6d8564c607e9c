package org.lorkit.application.roster;

import java.io.Serializable;
import java.util.List;

/**
 * A student as the API sends one: the roster file's student columns under the API's names. Text as typed (the roster's
 * rules read it); the cohort by name, as in the file.
 */
public record StudentRecord(String cohort, String fullName, String email, String medicalSchool, String country,
                            List<String> targetSpecialties) implements Serializable {
}
