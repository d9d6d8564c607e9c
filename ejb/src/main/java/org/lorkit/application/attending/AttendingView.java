package org.lorkit.application.attending;

import java.io.Serializable;
import org.lorkit.domain.attending.Attending;
import org.lorkit.domain.attending.AttendingTitle;
import org.lorkit.domain.shared.Specialty;

public record AttendingView(long id, String fullName, String email, AttendingTitle title, Specialty specialty,
                            boolean usBased, String institution) implements Serializable {
    public static AttendingView of(Attending a) {
        return new AttendingView(a.getId(), a.getFullName(), a.getEmail(), a.getTitle(), a.getSpecialty(), a.isUsBased(),
                a.getInstitution());
    }
}
