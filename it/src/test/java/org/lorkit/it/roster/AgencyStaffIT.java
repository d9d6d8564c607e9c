package org.lorkit.it.roster;

import jakarta.inject.Inject;
import org.junit.jupiter.api.Test;
import org.lorkit.application.agency.AgencySettings;
import org.lorkit.application.agency.AgencySettingsService;
import org.lorkit.application.agency.LetterRules;
import org.lorkit.application.attending.AttendingRecord;
import org.lorkit.application.attending.AttendingService;
import org.lorkit.application.attending.AttendingView;
import org.lorkit.application.cohort.CohortService;
import org.lorkit.application.cohort.CohortView;
import org.lorkit.application.cohort.NewCohort;
import org.lorkit.application.dashboard.CompletionDashboard;
import org.lorkit.application.letter.LetterRequestService;
import org.lorkit.application.letter.NewLetterRequest;
import org.lorkit.application.rotation.RotationView;
import org.lorkit.application.student.StudentView;
import org.lorkit.domain.agency.AgencyRules;
import org.lorkit.domain.letter.LetterState;
import org.lorkit.domain.shared.DomainException;
import org.lorkit.it.support.InsideLorKit;
import org.lorkit.it.support.SampleImages;

import java.time.LocalDate;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** What agency staff and admins keep: cohorts, the attending directory with its records, and the agency's settings. */
class AgencyStaffIT extends InsideLorKit {
    @Inject
    CohortService cohorts;
    @Inject
    CompletionDashboard dashboard;
    @Inject
    AttendingService attendings;
    @Inject
    LetterRequestService letters;
    @Inject
    AgencySettingsService settings;

    @Test
    void a_cohort_is_changed_all_or_nothing_and_an_archived_one_leaves_the_dashboard() {
        long agency = fixtures.agency().id();
        CohortView cohort = as.staff(agency, () -> fixtures.cohort());
        as.staff(agency, () -> fixtures.student(cohort));

        assertThatThrownBy(() -> as.staff(agency, () -> cohorts.update(cohort.id(), new NewCohort("Renamed", 2029, "Pediatrics",
                LocalDate.of(2028, 6, 4), LocalDate.of(2028, 5, 1), null))))
                .isInstanceOf(DomainException.class).hasMessageContaining("plannedSubmitOn");
        assertThat(as.staff(agency, () -> cohorts.find(cohort.id())).orElseThrow().name()).as("nothing changed").isEqualTo(cohort.name());

        CohortView renamed = as.staff(agency, () -> cohorts.update(cohort.id(), new NewCohort("Pediatrics - Match 2029", 2029, "Pediatrics",
                LocalDate.of(2028, 6, 4), LocalDate.of(2028, 9, 24), null)));
        assertThat(renamed.name()).isEqualTo("Pediatrics - Match 2029");
        assertThat(renamed.targetSpecialty().label()).isEqualTo("Pediatrics");
        assertThat(as.staff(agency, () -> dashboard.figures(null)).students()).isEqualTo(1);

        as.staff(agency, () -> cohorts.archive(cohort.id(), true));
        assertThat(as.staff(agency, () -> cohorts.listActive())).isEmpty();
        assertThat(as.staff(agency, () -> dashboard.figures(null)).students()).as("archived cohorts leave the dashboard").isZero();
        assertThat(as.staff(agency, () -> cohorts.listAll())).singleElement().satisfies(c -> assertThat(c.archived()).isTrue());
    }

    @Test
    void the_directory_keeps_one_entry_per_email_with_each_attendings_record() {
        long agency = fixtures.agency().id();
        AttendingView patel = as.staff(agency, () -> fixtures.attending("Internal Medicine"));
        AttendingView again = as.staff(agency, () -> attendings.addToDirectory(new org.lorkit.application.attending.NewAttending(
                "Anjali Patel MD", patel.email().toUpperCase(), patel.title(), "Internal Medicine", true, null)));
        assertThat(again.id()).as("the same email is the same attending").isEqualTo(patel.id());

        as.staff(agency, () -> {
            CohortView cohort = fixtures.cohort();
            for (int i = 0; i < 3; i++) {
                StudentView student = fixtures.student(cohort);
                RotationView rotation = fixtures.rotation(student, patel, 24);
                long request = letters.plan(new NewLetterRequest(student.id(), patel.id(), rotation.id(), null)).id();
                letters.moveTo(request, LetterState.ASKED, null);
                if (i < 2) {
                    letters.moveTo(request, LetterState.STRONG_YES, null);
                    letters.markKitSent(request);
                    letters.moveTo(request, LetterState.SUBMITTED, null);
                } else {
                    letters.moveTo(request, LetterState.DECLINED, null);
                }
            }
        });

        AttendingRecord record = as.staff(agency, () -> attendings.records()).stream()
                .filter(r -> r.id() == patel.id()).findFirst().orElseThrow();
        assertThat(record.asked()).isEqualTo(3);
        assertThat(record.uploaded()).isEqualTo(2);
        assertThat(record.declined()).isEqualTo(1);
        assertThat(record.confirmed()).isZero();
        assertThat(record.medianDaysToUpload()).as("kit sent and uploaded the same day").isEqualTo(0.0);
        assertThat(record.bounces()).isZero();

        String csv = as.staff(agency, () -> attendings.exportCsv().text());
        assertThat(csv.lines().toList()).contains("attending,email,title,specialty,institution,asked,confirmed,uploaded,declined,"
                + "median days kit to upload,bounces", "Dr. Anjali Patel," + patel.email() + ",Attending,Internal Medicine,St. Mary's Medical Center,3,0,2,1,0.0,0");
    }

    @Test
    void an_admins_logo_is_served_to_anyone_by_the_agencys_slug_and_a_program_is_refused() throws Exception {
        var created = fixtures.agency();
        byte[] png = SampleImages.png();
        assertThatThrownBy(() -> as.admin(created.id(), () -> {
            settings.uploadLogo("MZ a program renamed logo.png".getBytes());
            return null;
        })).isInstanceOf(DomainException.class).hasMessageContaining("PNG or JPEG");

        as.admin(created.id(), () -> {
            settings.uploadLogo(png);
            return null;
        });
        var client = java.net.http.HttpClient.newHttpClient();
        var logo = client.send(java.net.http.HttpRequest.newBuilder(java.net.URI.create("http://localhost:8080/logo/" + created.slug())).build(),
                java.net.http.HttpResponse.BodyHandlers.ofByteArray());
        assertThat(logo.statusCode()).isEqualTo(200);
        assertThat(logo.headers().firstValue("Content-Type")).hasValue("image/png");
        assertThat(logo.headers().firstValue("X-Content-Type-Options")).hasValue("nosniff");
        assertThat(logo.body()).isEqualTo(png);

        as.admin(created.id(), () -> {
            settings.removeLogo();
            return null;
        });
        assertThat(client.send(java.net.http.HttpRequest.newBuilder(java.net.URI.create("http://localhost:8080/logo/" + created.slug())).build(),
                java.net.http.HttpResponse.BodyHandlers.discarding()).statusCode()).isEqualTo(404);
    }

    @Test
    void an_admin_changes_the_settings_of_their_own_agency_and_a_refused_value_changes_nothing() {
        long agency = fixtures.agency().id();
        AgencySettings before = as.admin(agency, () -> settings.current());
        assertThat(before.rules().firstReminderAfterKitDays()).isEqualTo(14);

        LetterRules reminders = LetterRules.defaults().with(AgencyRules.Rule.FIRST_REMINDER_DAYS, 12)
                .with(AgencyRules.Rule.SECOND_REMINDER_DAYS, 9).with(AgencyRules.Rule.NOT_COMING_DAYS, 5);
        AgencySettings changed = as.admin(agency, () -> settings.update(new AgencySettings("Bridgeway Letters Team", "team@agency.example",
                "America/Denver", reminders)));
        assertThat(changed).isEqualTo(new AgencySettings("Bridgeway Letters Team", "team@agency.example", "America/Denver", reminders));

        assertThatThrownBy(() -> as.admin(agency, () -> settings.update(new AgencySettings("Someone else", "team@agency.example",
                "Mars/Olympus", reminders)))).isInstanceOf(DomainException.class).hasMessageContaining("Unknown time zone");
        assertThatThrownBy(() -> as.admin(agency, () -> settings.update(new AgencySettings("Someone else", "team@agency.example",
                "America/Denver", reminders.with(AgencyRules.Rule.FIRST_REMINDER_DAYS, 0)))))
                .hasMessage("The first reminder goes at least 7 days after the kit, and at most 60: polite, never frantic");
        assertThat(as.admin(agency, () -> settings.current())).as("nothing of a refused change is kept").isEqualTo(changed);
    }
}
