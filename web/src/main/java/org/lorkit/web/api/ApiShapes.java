package org.lorkit.web.api;

import org.lorkit.application.cohort.CohortView;
import org.lorkit.application.dashboard.DashboardFigures;
import org.lorkit.application.letter.LetterEventView;
import org.lorkit.application.letter.LetterRequestView;
import org.lorkit.application.rotation.RotationView;
import org.lorkit.application.student.StudentView;
import org.lorkit.domain.shared.Labels;
import org.lorkit.domain.shared.Specialty;

import java.time.Instant;
import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The API's JSON: plain values a client can rely on, separate from the views the pages read, so a page's needs never
 * change the API. Enumerations come as their constant (a client switches on it) with their words beside them where a
 * person reads them; specialties as their names, which is also how they are sent.
 */
public final class ApiShapes {
    private ApiShapes() {
    }

    public record Student(long id, long cohortId, String fullName, String email, String medicalSchool, String country,
                          String erasAamcId, List<String> targetSpecialties, LocalDate plannedSubmitOn) {
        static Student of(StudentView s) {
            return new Student(s.id(), s.cohortId(), s.fullName(), s.email(), s.medicalSchool(), s.country(), s.erasAamcId(),
                    s.targetSpecialties().stream().map(Specialty::label).toList(), s.plannedSubmitOn());
        }
    }

    public record Supervisor(long attendingId, String attendingName, int contactDays) {
    }

    /** The ask window as of today by the agency's numbers: the phase, and the days it opens and closes. */
    public record AskWindow(String phase, LocalDate idealFrom, LocalDate endDate, LocalDate acceptableTo) {
    }

    public record Rotation(long id, long studentId, String studentName, String site, String specialty, String setting,
                           String kind, boolean academic, LocalDate startDate, LocalDate endDate, AskWindow askWindow,
                           List<Supervisor> supervisors) {
        static Rotation of(RotationView r) {
            return new Rotation(r.id(), r.studentId(), r.studentName(), r.site(), r.specialty().label(), r.setting().name(),
                    r.kind().name(), r.academicAffiliated(), r.startDate(), r.endDate(),
                    new AskWindow(r.askWindow().phase().name(), r.askWindow().idealFrom(), r.askWindow().endDate(), r.askWindow().acceptableTo()),
                    r.supervisors().stream().map(s -> new Supervisor(s.attendingId(), s.attendingName(), s.contactDays())).toList());
        }
    }

    /** One entry of a letter request's history: the move of its state (or news that moved nothing), who and when. */
    public record Event(String fromState, String toState, String actor, String reason, Instant occurredAt) {
        static Event of(LetterEventView e) {
            return new Event(e.fromState() == null ? null : e.fromState().name(), e.toState() == null ? null : e.toState().name(),
                    e.actor(), e.reason(), e.occurredAt());
        }
    }

    public record LetterRequest(long id, long studentId, String studentName, long attendingId, String attendingName,
                                long rotationId, String specialty, String state, String stateLabel, LocalDate deadline,
                                LocalDate kitSentOn, int remindersSent, List<Event> history) {
        static LetterRequest of(LetterRequestView r, List<LetterEventView> history) {
            return new LetterRequest(r.id(), r.studentId(), r.studentName(), r.attendingId(), r.attendingName(), r.rotationId(),
                    r.specialty() == null ? null : r.specialty().label(), r.state().name(), Labels.of(r.state()), r.deadline(),
                    r.kitSentOn(), r.remindersSent(), history == null ? null : history.stream().map(Event::of).toList());
        }
    }

    public record Cohort(long id, String name, int matchYear, String targetSpecialty, LocalDate erasOpensOn,
                         LocalDate plannedSubmitOn, LocalDate programsReviewOn, boolean archived) {
        static Cohort of(CohortView c) {
            return new Cohort(c.id(), c.name(), c.matchYear(), c.targetSpecialty().label(), c.erasOpensOn(), c.plannedSubmitOn(),
                    c.programsReviewOn(), c.archived());
        }
    }

    /** One stage of the funnel, from rotation to uploaded letter. */
    public record FunnelStage(String step, String label, long count) {
    }

    /** The dashboard's headline figures of one cohort: students per standing, letters per state, the funnel. */
    public record Dashboard(long cohortId, long students, Map<String, Long> standings, Map<String, Long> letters,
                            List<FunnelStage> funnel, Instant asOf) {
        static Dashboard of(long cohortId, DashboardFigures f) {
            Map<String, Long> standings = new LinkedHashMap<>();
            f.standings().forEach((standing, count) -> standings.put(standing.name(), count));
            Map<String, Long> letters = new LinkedHashMap<>();
            f.letters().forEach((state, count) -> letters.put(state.name(), count));
            return new Dashboard(cohortId, f.students(), standings, letters,
                    f.funnel().stream().map(s -> new FunnelStage(s.step().name(), s.label(), s.count())).toList(), f.asOf());
        }
    }
}
