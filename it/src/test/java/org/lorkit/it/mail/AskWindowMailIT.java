package org.lorkit.it.mail;

import jakarta.annotation.Resource;
import jakarta.inject.Inject;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.lorkit.application.Roles;
import org.lorkit.application.advice.CalendarService;
import org.lorkit.application.agency.AgencyView;
import org.lorkit.application.attending.AttendingView;
import org.lorkit.application.cohort.CohortView;
import org.lorkit.application.letter.LetterRequestService;
import org.lorkit.application.letter.LetterRequestView;
import org.lorkit.application.letter.NewLetterRequest;
import org.lorkit.application.outbox.OutboxSender;
import org.lorkit.application.reminder.ReminderScheduler;
import org.lorkit.application.rotation.NewRotation;
import org.lorkit.application.rotation.RotationService;
import org.lorkit.application.rotation.RotationView;
import org.lorkit.application.student.StudentView;
import org.lorkit.domain.letter.LetterState;
import org.lorkit.domain.rotation.ClinicalSetting;
import org.lorkit.domain.rotation.RotationKind;
import org.lorkit.domain.shared.Dates;
import org.lorkit.domain.shared.DomainException;
import org.lorkit.infrastructure.keycloak.KeycloakDirectory;
import org.lorkit.infrastructure.time.Clocks;
import org.lorkit.it.support.Fixtures;
import org.lorkit.it.support.Identities;
import org.lorkit.it.support.Inbox;
import org.lorkit.it.support.InsideLorKit;
import org.lorkit.it.support.KeycloakRealm;
import org.lorkit.it.support.Sql;

import javax.sql.DataSource;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * Issue 18, item 7: days pass on the application's clock over a rotation's last days, and the student gets exactly one
 * short email on the day its ideal window to ask opens, naming the site, the last weekday and whom to ask, with a link
 * to the Ask page; none once they have asked; none that was queued and is no longer wanted. The rotation's ask window
 * and a sent kit's deadline download as .ics for their own student, and are "not found" for another.
 */
class AskWindowMailIT extends InsideLorKit {
    private static final String SITE = "St. Mary's Medical Center";
    private static final String KIND = "ASK_WINDOW_OPEN";

    @Inject
    RotationService rotations;
    @Inject
    LetterRequestService letters;
    @Inject
    CalendarService calendar;
    @Inject
    ReminderScheduler reminders;
    @Inject
    OutboxSender sender;
    @Inject
    KeycloakDirectory keycloak;
    @Inject
    Clocks clocks;
    @Resource(lookup = "java:jboss/datasources/LorKitDS")
    DataSource dataSource;

    @AfterEach
    void backToRealTime() {
        clocks.reset();
    }

    /** A student of a fresh agency (by this email), and their rotation at St. Mary's under Dr. Patel, ending on that day. */
    private record Placed(long agency, StudentView student, AttendingView patel, RotationView rotation) {
    }

    private Placed rotationEnding(long agency, String email, LocalDate end) {
        Object[] made = new Object[3];
        as.staff(agency, () -> {
            CohortView cohort = fixtures.cohort();
            made[0] = email == null ? fixtures.student(cohort) : fixtures.student(cohort, email);
            made[1] = fixtures.attending("Internal Medicine");
            RotationView placed = rotations.place(new NewRotation(((StudentView) made[0]).id(), SITE, "Internal Medicine",
                    ClinicalSetting.INPATIENT, RotationKind.HANDS_ON, true, end.minusDays(27), end));
            made[2] = rotations.addSupervisor(placed.id(), ((AttendingView) made[1]).id(), 26);
            return null;
        });
        return new Placed(agency, (StudentView) made[0], (AttendingView) made[1], (RotationView) made[2]);
    }

    private List<Inbox.Mail> askWindowMails(String address, Duration wait) throws Exception {
        // GreenMail files a mail a moment after accepting it: wait for one, then take what there is.
        Inbox.await(address, 1, wait);
        return Inbox.read(address).stream().filter(m -> m.subject() != null && m.subject().startsWith("Your rotation at ")).toList();
    }

    private long rowsOfRotation(Placed placed) {
        return Sql.number(dataSource, "SELECT COUNT(*) FROM outbox_email WHERE agency_id = ? AND rotation_id = ? AND kind = ?",
                placed.agency(), placed.rotation().id(), KIND);
    }

    @Test
    void one_email_arrives_on_the_day_the_ideal_window_opens_and_no_other_however_often_the_sweep_runs() throws Exception {
        long agency = fixtures.agency().id();
        // The default ideal window is the last 5 days: it opens on the end day minus 4, two days from today.
        LocalDate end = fixtures.today().plusDays(6);
        LocalDate opens = end.minusDays(4);
        Placed placed = rotationEnding(agency, null, end);
        String address = placed.student().email();

        while (fixtures.today().isBefore(opens)) {
            fixtures.daysPass(agency, 0);
            assertThat(rowsOfRotation(placed)).as("nothing before the window opens, on " + fixtures.today()).isZero();
            fixtures.daysPass(agency, 1);
        }
        List<Inbox.Mail> mails = askWindowMails(address, Duration.ofSeconds(20));

        assertThat(mails).hasSize(1);
        Inbox.Mail mail = mails.get(0);
        assertThat(mail.subject()).startsWith("Your rotation at " + SITE + " ends on " + Dates.weekday(end) + ": this week is the time to ask Dr. ")
                .contains("Patel");
        assertThat(mail.text()).startsWith("Hello Amara Okafor,")
                .contains("Your internal medicine rotation at " + SITE + " ends on " + Dates.weekday(end) + " (" + Dates.weekdayAndDay(end) + ").")
                .contains("in person, this week.")
                .contains("strong letter")
                .contains("http://localhost:8080/student/ask.xhtml?rotation=" + placed.rotation().id())
                .contains("/student/calendar/ask-window?rotation=" + placed.rotation().id());
        assertThat(mail.ics()).as("the email itself carries no calendar: the pages do").isNull();

        // The rest of the window and the weeks after it: two sweeps a day, and still only the one email.
        fixtures.daysPass(agency, 0);
        for (int day = 0; day < 10; day++) {
            fixtures.daysPass(agency, 1);
        }
        assertThat(askWindowMails(address, Duration.ofSeconds(2))).hasSize(1);
        assertThat(rowsOfRotation(placed)).isEqualTo(1);
    }

    @Test
    void a_student_who_already_asked_gets_no_email_and_one_queued_before_they_asked_is_cancelled() throws Exception {
        long agency = fixtures.agency().id();
        // Asked before the window opened: nothing is queued at all.
        Placed asked = rotationEnding(agency, null, fixtures.today().plusDays(6));
        as.staff(agency, () -> {
            LetterRequestView request = letters.plan(new NewLetterRequest(asked.student().id(), asked.patel().id(), asked.rotation().id(), null));
            return letters.moveTo(request.id(), LetterState.ASKED, "asked after rounds");
        });
        // In its window tomorrow: queued by tomorrow's sweep; back today (so that the server's own sender leaves it
        // waiting), the student asks; tomorrow the outbox finds it no longer wanted.
        Placed queued = rotationEnding(agency, null, fixtures.today().plusDays(3));
        clocks.advance(Duration.ofDays(1));
        reminders.sweepAgency(agency);
        clocks.advance(Duration.ofDays(-1));
        assertThat(rowsOfRotation(queued)).isEqualTo(1);
        as.staff(agency, () -> {
            LetterRequestView request = letters.plan(new NewLetterRequest(queued.student().id(), queued.patel().id(), queued.rotation().id(), null));
            letters.moveTo(request.id(), LetterState.ASKED, null);
            return letters.moveTo(request.id(), LetterState.STRONG_YES, "\"of course\"");
        });
        clocks.advance(Duration.ofDays(1));
        sender.sendDue();

        for (int day = 0; day < 8; day++) {
            fixtures.daysPass(agency, 1);
        }

        assertThat(rowsOfRotation(asked)).as("never queued for a student who asked").isZero();
        assertThat(rowsOfRotation(queued)).as("once per rotation, even once cancelled").isEqualTo(1);
        assertThat(Sql.text(dataSource, "SELECT status FROM outbox_email WHERE agency_id = ? AND rotation_id = ? AND kind = ?",
                agency, queued.rotation().id(), KIND)).isEqualTo("CANCELLED");
        assertThat(askWindowMails(asked.student().email(), Duration.ofSeconds(2))).isEmpty();
        assertThat(askWindowMails(queued.student().email(), Duration.ofSeconds(2))).isEmpty();
    }

    @Test
    void the_ask_window_and_a_sent_kits_deadline_download_for_their_student_and_are_not_found_for_another() throws Exception {
        AgencyView agencyView = fixtures.agency();
        long agency = agencyView.id();
        String owner = Fixtures.unique("owner") + "@student.example";
        String other = Fixtures.unique("other") + "@student.example";
        String organization = keycloak.organizationId(agencyView.slug()).orElseThrow();
        for (String email : List.of(owner, other)) {
            keycloak.invite(organization, email, "Amara", "Okafor", Roles.STUDENT);
            KeycloakRealm.giveDemoPassword(email);
        }
        LocalDate end = fixtures.today().plusDays(10);
        Placed placed = rotationEnding(agency, owner, end);
        rotationEnding(agency, other, end);
        LetterRequestView sent = as.staff(agency, () -> {
            long id = letters.plan(new NewLetterRequest(placed.student().id(), placed.patel().id(), placed.rotation().id(), null)).id();
            letters.moveTo(id, LetterState.ASKED, null);
            letters.moveTo(id, LetterState.STRONG_YES, null);
            return letters.markKitSent(id);
        });

        String window = "/student/calendar/ask-window?rotation=" + placed.rotation().id();
        String deadline = "/student/calendar/kit-deadline?request=" + sent.id();
        HttpResponse<String> ics = KeycloakRealm.page(window, owner);
        assertThat(ics.statusCode()).isEqualTo(200);
        assertThat(ics.headers().firstValue("Content-Type")).hasValueSatisfying(type -> assertThat(type).startsWith("text/calendar"));
        assertThat(ics.headers().firstValue("Content-Disposition")).contains("attachment; filename=\"ask-window-st-marys-medical-center.ics\"");
        assertThat(ics.body()).contains("\r\nUID:ask-window-" + placed.rotation().id() + "@lorkit\r\n",
                "\r\nDTSTART;VALUE=DATE:" + DateTimeFormatter.BASIC_ISO_DATE.format(end.minusDays(4)) + "\r\n",
                "\r\nDTEND;VALUE=DATE:" + DateTimeFormatter.BASIC_ISO_DATE.format(end.plusDays(1)) + "\r\n");

        HttpResponse<String> kit = KeycloakRealm.page(deadline, owner);
        assertThat(kit.statusCode()).isEqualTo(200);
        assertThat(kit.headers().firstValue("Content-Disposition")).hasValueSatisfying(value -> assertThat(value).contains("letter-deadline-", ".ics"));
        assertThat(kit.body()).contains("\r\nUID:kit-deadline-" + sent.id() + "@lorkit\r\n",
                "\r\nDTSTART;VALUE=DATE:" + DateTimeFormatter.BASIC_ISO_DATE.format(sent.deadline()) + "\r\n");

        for (String path : List.of(window, deadline)) {
            HttpResponse<String> refused = KeycloakRealm.page(path, other);
            assertThat(refused.statusCode()).as(path + " as another student").isEqualTo(404);
            assertThat(refused.body()).as(path).doesNotContain("BEGIN:VCALENDAR", SITE);
        }
        for (String path : List.of("/student/calendar/ask-window?rotation=0", "/student/calendar/ask-window", "/student/calendar/elsewhere",
                "/student/calendar/kit-deadline?request=x")) {
            assertThat(KeycloakRealm.page(path, owner).statusCode()).as(path).isEqualTo(404);
        }

        // The same through the service the pages' links call: another student of the agency reads "not found".
        as.staff(agency, () -> fixtures.student(fixtures.cohort(), Identities.OTHER_STUDENT));
        assertThatThrownBy(() -> as.otherStudent(agency, () -> calendar.askWindow(placed.rotation().id())))
                .isInstanceOf(DomainException.class).hasMessageStartingWith("No rotation with id");
    }
}
