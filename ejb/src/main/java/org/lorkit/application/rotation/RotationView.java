package org.lorkit.application.rotation;

import java.io.Serializable;
import org.lorkit.domain.agency.AgencyRules;
import org.lorkit.domain.rotation.AskWindow;
import org.lorkit.domain.rotation.ContactAdvice;
import org.lorkit.domain.rotation.Rotation;
import org.lorkit.domain.rotation.RotationKind;
import org.lorkit.domain.shared.Specialty;

import java.time.LocalDate;
import java.util.List;

public record RotationView(long id, long studentId, String studentName, String site, Specialty specialty, RotationKind kind,
                           LocalDate startDate, LocalDate endDate, AskWindow askWindow, List<Supervisor> supervisors,
                           org.lorkit.domain.rotation.ClinicalSetting setting, boolean academicAffiliated) implements Serializable {

    public record Supervisor(long attendingId, String attendingName, int contactDays, ContactAdvice contactAdvice) implements Serializable {
    }

    /** The rotation as of today, its window and contact advice by the agency's numbers. */
    public static RotationView of(Rotation r, LocalDate today, AgencyRules rules) {
        return new RotationView(r.getId(), r.getStudent().getId(), r.getStudent().getFullName(), r.getSite(), r.getSpecialty(),
                r.getKind(), r.getStartDate(), r.getEndDate(), r.askWindow(today, rules),
                r.getSupervisions().stream().map(s -> new Supervisor(s.getAttending().getId(), s.getAttending().getFullName(),
                        s.getContactDays(), s.contactAdvice(rules))).toList(), r.getSetting(), r.isAcademicAffiliated());
    }
}
