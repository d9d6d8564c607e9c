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
    INTERNAL_MEDICINE,
    FAMILY_MEDICINE,
    PEDIATRICS,
    PSYCHIATRY,
    NEUROLOGY,
    GENERAL_SURGERY,
    OBSTETRICS_GYNECOLOGY,
    EMERGENCY_MEDICINE,
    ANESTHESIOLOGY,
    PATHOLOGY,
    RADIOLOGY,
    CARDIOLOGY(INTERNAL_MEDICINE),
    GASTROENTEROLOGY(INTERNAL_MEDICINE),
    NEPHROLOGY(INTERNAL_MEDICINE),
    PULMONOLOGY_CRITICAL_CARE(INTERNAL_MEDICINE),
    HEMATOLOGY_ONCOLOGY(INTERNAL_MEDICINE),
    ENDOCRINOLOGY(INTERNAL_MEDICINE),
    INFECTIOUS_DISEASE(INTERNAL_MEDICINE),
    RHEUMATOLOGY(INTERNAL_MEDICINE),
    GERIATRICS(INTERNAL_MEDICINE),
    NEONATOLOGY(PEDIATRICS),
    CHILD_PSYCHIATRY(PSYCHIATRY),
    SPORTS_MEDICINE(FAMILY_MEDICINE);

    private final Specialty coreField;

    /** A core specialty. */
    Specialty() {
        this(null);
    }

    Specialty(Specialty coreField) {
        this.coreField = coreField;
    }

    /** The specialty in words ("Internal Medicine"), from the labels bundle. */
    public String label() {
        return Labels.of(this);
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
                .filter(s -> s.name().equals(wanted) || s.label().equalsIgnoreCase(text.strip()))
                .findFirst();
    }

    /** Like {@link #find} but fails with a message that lists what is known. */
    public static Specialty parse(String field, String text) {
        return find(text).orElseThrow(() -> new DomainException(field,
                "Unknown specialty \"" + text + "\". Known: " + Arrays.stream(values()).map(Specialty::label).toList()));
    }
}
