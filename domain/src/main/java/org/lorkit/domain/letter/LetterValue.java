package org.lorkit.domain.letter;

import org.lorkit.domain.attending.Attending;
import org.lorkit.domain.attending.AttendingTitle;
import org.lorkit.domain.rotation.Rotation;
import org.lorkit.domain.shared.Specialty;

/** How much a letter from this writer, on this rotation, is worth to a program of the target specialty. Best first. */
public enum LetterValue {
    US_ATTENDING_IN_FIELD(1, "US attending in your chosen field"),
    US_PROGRAM_DIRECTOR_OR_HEAD(2, "US program director or department head"),
    US_SUBSPECIALIST_IN_FIELD(3, "US subspecialist in your field"),
    US_ATTENDING_OTHER_CORE_FIELD(4, "US attending in another core field"),
    NON_US_CLINICAL(5, "Non-US clinical letter"),
    RESEARCH_ONLY(6, "Research-only letter");

    private final int rank;
    private final String label;

    LetterValue(int rank, String label) {
        this.rank = rank;
        this.label = label;
    }

    public int rank() {
        return rank;
    }

    public String label() {
        return label;
    }

    /** A strong letter of this value counts towards the 2 to 3 strong US clinical letters of the goal. */
    public boolean isUsClinical() {
        return rank <= 4;
    }

    public static LetterValue rank(Attending attending, Rotation rotation, Specialty targetSpecialty) {
        return rank(attending.isUsBased(), attending.getTitle(), attending.getSpecialty(),
                rotation.getKind().isClinical(), targetSpecialty);
    }

    public static LetterValue rank(boolean usBased, AttendingTitle title, Specialty attendingSpecialty,
                                   boolean clinical, Specialty targetSpecialty) {
        if (!clinical) {
            return RESEARCH_ONLY;
        }
        if (!usBased) {
            return NON_US_CLINICAL;
        }
        boolean sameField = attendingSpecialty.coreField() == targetSpecialty.coreField();
        if (title != AttendingTitle.ATTENDING && sameField) {
            return US_PROGRAM_DIRECTOR_OR_HEAD;
        }
        if (attendingSpecialty == targetSpecialty) {
            return US_ATTENDING_IN_FIELD;
        }
        if (sameField) {
            return US_SUBSPECIALIST_IN_FIELD;
        }
        return US_ATTENDING_OTHER_CORE_FIELD;
    }
}
