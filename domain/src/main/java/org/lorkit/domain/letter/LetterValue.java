package org.lorkit.domain.letter;

import org.lorkit.domain.attending.Attending;
import org.lorkit.domain.attending.AttendingTitle;
import org.lorkit.domain.rotation.Rotation;
import org.lorkit.domain.shared.Labels;
import org.lorkit.domain.shared.Specialty;

/** How much a letter from this writer, on this rotation, is worth to a program of the target specialty. Best first. */
public enum LetterValue {
    US_ATTENDING_IN_FIELD(1),
    US_PROGRAM_DIRECTOR_OR_HEAD(2),
    US_SUBSPECIALIST_IN_FIELD(3),
    US_ATTENDING_OTHER_CORE_FIELD(4),
    NON_US_CLINICAL(5),
    RESEARCH_ONLY(6);

    private final int rank;

    LetterValue(int rank) {
        this.rank = rank;
    }

    public int rank() {
        return rank;
    }

    /** The worth in words, from the labels bundle. */
    public String label() {
        return Labels.of(this);
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
