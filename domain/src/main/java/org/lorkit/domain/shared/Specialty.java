package org.lorkit.domain.shared;

import java.util.Arrays;
import java.util.Locale;
import java.util.Optional;

/**
 * The specialties residency applicants target and attendings practise. A subspecialty names its core
 * field, because a subspecialist in the applicant's field ranks between a core attending and an
 * attending of another field.
 */
public enum Specialty {
    INTERNAL_MEDICINE("Internal Medicine", null),
    FAMILY_MEDICINE("Family Medicine", null),
    PEDIATRICS("Pediatrics", null),
    PSYCHIATRY("Psychiatry", null),
    NEUROLOGY("Neurology", null),
    GENERAL_SURGERY("General Surgery", null),
    OBSTETRICS_GYNECOLOGY("Obstetrics and Gynecology", null),
    EMERGENCY_MEDICINE("Emergency Medicine", null),
    ANESTHESIOLOGY("Anesthesiology", null),
    PATHOLOGY("Pathology", null),
    RADIOLOGY("Radiology", null),
    CARDIOLOGY("Cardiology", INTERNAL_MEDICINE),
    GASTROENTEROLOGY("Gastroenterology", INTERNAL_MEDICINE),
    NEPHROLOGY("Nephrology", INTERNAL_MEDICINE),
    PULMONOLOGY_CRITICAL_CARE("Pulmonology and Critical Care", INTERNAL_MEDICINE),
    HEMATOLOGY_ONCOLOGY("Hematology and Oncology", INTERNAL_MEDICINE),
    ENDOCRINOLOGY("Endocrinology", INTERNAL_MEDICINE),
    INFECTIOUS_DISEASE("Infectious Disease", INTERNAL_MEDICINE),
    RHEUMATOLOGY("Rheumatology", INTERNAL_MEDICINE),
    GERIATRICS("Geriatrics", INTERNAL_MEDICINE),
    NEONATOLOGY("Neonatology", PEDIATRICS),
    CHILD_PSYCHIATRY("Child and Adolescent Psychiatry", PSYCHIATRY),
    SPORTS_MEDICINE("Sports Medicine", FAMILY_MEDICINE);

    private final String label;
    private final Specialty coreField;

    Specialty(String label, Specialty coreField) {
        this.label = label;
        this.coreField = coreField;
    }

    public String label() {
        return label;
    }

    /** The core field: itself for a core specialty, the parent for a subspecialty. */
    public Specialty coreField() {
        return coreField == null ? this : coreField;
    }

    public boolean isSubspecialty() {
        return coreField != null;
    }

    /** Accepts the enum name or the label, case-insensitive ("internal medicine", "INTERNAL_MEDICINE"). */
    public static Optional<Specialty> find(String text) {
        if (text == null) {
            return Optional.empty();
        }
        String wanted = text.strip().toUpperCase(Locale.ROOT).replace(' ', '_').replace('-', '_');
        return Arrays.stream(values())
                .filter(s -> s.name().equals(wanted) || s.label.equalsIgnoreCase(text.strip()))
                .findFirst();
    }

    /** Like {@link #find} but fails with a message that lists what is known. */
    public static Specialty parse(String field, String text) {
        return find(text).orElseThrow(() -> new DomainException(field,
                "Unknown specialty \"" + text + "\". Known: " + Arrays.stream(values()).map(Specialty::label).toList()));
    }
}
