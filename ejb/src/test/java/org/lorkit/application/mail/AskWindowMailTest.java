package org.lorkit.application.mail;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.lorkit.domain.advice.AskWindowReminder;
import org.lorkit.domain.advice.StudentSituation;
import org.lorkit.domain.agency.AgencyRules;
import org.lorkit.domain.cohort.Cohort;
import org.lorkit.domain.outbox.MailKind;
import org.lorkit.domain.rotation.ClinicalSetting;
import org.lorkit.domain.rotation.Rotation;
import org.lorkit.domain.rotation.RotationKind;
import org.lorkit.domain.shared.Specialty;
import org.lorkit.domain.student.Student;
import org.lorkit.infrastructure.mail.MailTemplates;

import java.lang.reflect.Method;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/** The student's one email when a rotation's ideal window to ask opens, rendered from its templates as LetterMails does. */
class AskWindowMailTest {
    private static final LocalDate START = LocalDate.of(2026, 10, 5);
    /** A Friday. */
    private static final LocalDate END = LocalDate.of(2026, 10, 30);

    private LetterMails mails;
    private Rotation rotation;

    @BeforeEach
    void aRotationAtStMarys() throws Exception {
        mails = new LetterMails();
        MailTemplates templates = new MailTemplates();
        Method configure = MailTemplates.class.getDeclaredMethod("configure");
        configure.setAccessible(true);
        configure.invoke(templates);
        mails.templates = templates;
        Cohort cohort = new Cohort("IM - Match 2028", 2028, Specialty.INTERNAL_MEDICINE,
                new Cohort.CycleDates(LocalDate.of(2027, 6, 5), LocalDate.of(2027, 9, 15), LocalDate.of(2027, 9, 24)));
        Student student = new Student(cohort, "Amara Okafor", "amara@example.org", List.of(Specialty.INTERNAL_MEDICINE));
        rotation = new Rotation(student, "St. Mary's Medical Center", Specialty.INTERNAL_MEDICINE, ClinicalSetting.INPATIENT,
                RotationKind.HANDS_ON, true, START, END);
    }

    private LetterMails.Words words(LocalDate today, StudentSituation.Supervisor... supervisors) {
        StudentSituation situation = new StudentSituation(List.of(new StudentSituation.RotationFacts(31, Specialty.INTERNAL_MEDICINE,
                rotation.getSite(), START, END, List.of(supervisors))), List.of(), null);
        AskWindowReminder.Reminder reminder = AskWindowReminder.due(situation, 31, today, AgencyRules.DEFAULTS).orElseThrow();
        Map<String, Object> model = LetterMails.askWindowModel("Amara Okafor", rotation, reminder, "Bridgeway Clinical Rotations",
                "https://lorkit.example");
        return mails.words(MailKind.ASK_WINDOW_OPEN, model);
    }

    @Test
    void the_subject_names_the_site_the_last_weekday_and_the_writer_and_the_text_links_to_the_ask_page() {
        LetterMails.Words mail = words(END.minusDays(4), new StudentSituation.Supervisor(1, "Dr. Anjali Patel", 26, 1));

        assertThat(mail.subject()).isEqualTo("Your rotation at St. Mary's Medical Center ends on Friday: this week is the time to ask Dr. Anjali Patel");
        assertThat(mail.text()).startsWith("Hello Amara Okafor,\n")
                .contains("Your internal medicine rotation at St. Mary's Medical Center ends on Friday (Friday, 30 Oct 2026).")
                .contains("ask Dr. Anjali Patel in person, this week.")
                .contains("strong letter")
                .contains("https://lorkit.example/student/ask.xhtml?rotation=31")
                .contains("asking by email stays acceptable until Friday, 27 Nov 2026.")
                .contains("https://lorkit.example/student/calendar/ask-window?rotation=31")
                .endsWith("Bridgeway Clinical Rotations\n")
                .doesNotContain("Take care");
        assertThat(mail.text().lines().count()).as("one short email").isLessThan(16);
    }

    @Test
    void on_the_last_day_it_says_today_and_a_brief_contact_comes_with_its_caution() {
        LetterMails.Words mail = words(END, new StudentSituation.Supervisor(1, "Dr. Brief", 9, 1));

        assertThat(mail.subject()).isEqualTo("Your rotation at St. Mary's Medical Center ends today: today is the time to ask Dr. Brief");
        assertThat(mail.text()).contains("Take care: only 9 days together: the letter would likely be vague.");
    }
}
