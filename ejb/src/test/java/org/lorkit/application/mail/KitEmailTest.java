package org.lorkit.application.mail;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.lorkit.domain.attending.Attending;
import org.lorkit.domain.attending.AttendingTitle;
import org.lorkit.domain.cohort.Cohort;
import org.lorkit.domain.letter.LetterRequest;
import org.lorkit.domain.letter.LetterState;
import org.lorkit.domain.outbox.MailKind;
import org.lorkit.domain.rotation.ClinicalSetting;
import org.lorkit.domain.rotation.Rotation;
import org.lorkit.domain.rotation.RotationKind;
import org.lorkit.domain.shared.Specialty;
import org.lorkit.domain.student.Student;
import org.lorkit.infrastructure.mail.MailTemplates;

import java.lang.reflect.Method;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The kit email the student reads before sending it is the one the outbox sends: the same templates and model,
 * differing only in the links, which the preview shows as placeholders (no token exists before the email goes out).
 * It carries the student's paragraph and a signature with their email, and their phone when they gave one.
 */
class KitEmailTest {
    private static final LocalDate TODAY = LocalDate.of(2027, 6, 27);
    private static final String KIT_URL = "https://lorkit.example/a/kit.xhtml?t=Kq3vX1b2c3d4e5f6g7h8i9j0k1l2m3n4o5p6q7r8s9t";
    private static final String CONFIRM_URL = "https://lorkit.example/a/confirm.xhtml?t=Zz9yX8w7v6u5t4s3r2q1p0o9n8m7l6k5j4i3h2g1f0e";
    private static final String PARAGRAPH = "Your teaching on the heart failure patients made me sure I want internal medicine.\n"
            + "Thank you for the Tuesday sessions & the feedback <always> kind.";

    private LetterMails mails;
    private Student student;
    private LetterRequest request;

    @BeforeEach
    void aKitReadyToSend() throws Exception {
        mails = new LetterMails();
        mails.templates = templates();
        Cohort cohort = new Cohort("IM - Match 2028", 2028, Specialty.INTERNAL_MEDICINE,
                new Cohort.CycleDates(LocalDate.of(2027, 6, 5), LocalDate.of(2027, 9, 15), LocalDate.of(2027, 9, 24)));
        student = new Student(cohort, "Amina Rahman", "amina@example.org", List.of(Specialty.INTERNAL_MEDICINE));
        student.recordErasIds("14029381", null);
        Attending lee = new Attending("Dr. Dana Lee", "dana.lee@hospital.example", AttendingTitle.ATTENDING, Specialty.INTERNAL_MEDICINE,
                true, "Mercy General");
        Rotation rotation = new Rotation(student, "Mercy General Hospital", Specialty.INTERNAL_MEDICINE, ClinicalSetting.INPATIENT,
                RotationKind.HANDS_ON, true, LocalDate.of(2027, 6, 1), LocalDate.of(2027, 6, 28));
        rotation.addSupervisor(lee, 28);
        request = new LetterRequest(student, lee, rotation, Specialty.INTERNAL_MEDICINE, Instant.parse("2027-06-20T09:00:00Z"));
        request.moveTo(LetterState.ASKED, "student", null, Instant.parse("2027-06-27T09:00:00Z").atZone(java.time.ZoneOffset.UTC));
        request.moveTo(LetterState.STRONG_YES, "student", "\"happy to\"", Instant.parse("2027-06-27T10:00:00Z").atZone(java.time.ZoneOffset.UTC));
        request.prepareKit(null, null, null, Specialty.INTERNAL_MEDICINE, false, TODAY.plusDays(24), student.effectivePlannedSubmitOn(), "student",
                TODAY.atTime(12, 0).atZone(java.time.ZoneOffset.UTC),
                org.lorkit.domain.agency.AgencyRules.DEFAULTS);
    }

    private static MailTemplates templates() throws Exception {
        MailTemplates templates = new MailTemplates();
        Method configure = MailTemplates.class.getDeclaredMethod("configure");
        configure.setAccessible(true);
        configure.invoke(templates);
        return templates;
    }

    /** The model as LetterMails builds it, with these links. */
    private Map<String, Object> model(String kitUrl, String confirmUrl) {
        return LetterMails.model(request, "Bridgeway Rotations", "https://lorkit.example", null, List.of(), kitUrl, confirmUrl);
    }

    private LetterMails.Words sent() {
        return mails.words(MailKind.KIT, model(KIT_URL, CONFIRM_URL));
    }

    private LetterMails.Words preview() {
        return mails.words(MailKind.KIT, model(LetterMails.KIT_LINK_SHOWN, LetterMails.CONFIRM_LINK_SHOWN));
    }

    @Test
    void the_preview_is_the_sent_email_but_for_its_links() {
        request.writePersonalParagraph(PARAGRAPH);
        student.changePhone("+1 312 555 0188");

        LetterMails.Words sent = sent();
        LetterMails.Words preview = preview();

        assertThat(preview.subject()).isEqualTo(sent.subject()).isEqualTo("Letter of recommendation request – Amina Rahman, Internal Medicine June 2027");
        assertThat(preview.text().replace(LetterMails.KIT_LINK_SHOWN, KIT_URL).replace(LetterMails.CONFIRM_LINK_SHOWN, CONFIRM_URL))
                .isEqualTo(sent.text());
        assertThat(preview.text()).contains("[link to your kit]", "[link to confirm they will write it]")
                .doesNotContain("?t=", "https://lorkit.example/a/");
    }

    @Test
    void the_email_greets_the_writer_by_title_and_family_name_and_gives_the_deadline_with_its_weekday() {
        String text = sent().text();

        assertThat(text).startsWith("Dear Dr. Lee,\n")
                .contains("on the internal medicine service at Mercy General Hospital from 1 Jun 2027 to 28 Jun 2027 as a hands-on")
                .contains("Deadline: Wednesday, 21 Jul 2027. If another date suits you better");
        assertThat(mails.templates.render("kit.html.ftlh", model(KIT_URL, CONFIRM_URL))).contains("<p>Dear Dr. Lee,</p>");
    }

    @Test
    void a_rotation_across_two_months_is_named_by_both() {
        Rotation across = new Rotation(student, "Mercy General Hospital", Specialty.INTERNAL_MEDICINE, ClinicalSetting.INPATIENT,
                RotationKind.HANDS_ON, true, LocalDate.of(2027, 5, 17), LocalDate.of(2027, 6, 11));
        Attending lee = request.getAttending();
        across.addSupervisor(lee, 26);
        LetterRequest asked = new LetterRequest(student, lee, across, Specialty.INTERNAL_MEDICINE, Instant.parse("2027-06-20T09:00:00Z"));

        Map<String, Object> model = LetterMails.model(asked, "Bridgeway Rotations", "https://lorkit.example", null, List.of(), KIT_URL,
                CONFIRM_URL);

        assertThat(model.get("rotationMonth")).isEqualTo("May–June 2027");
        assertThat(mails.words(MailKind.KIT, model).subject())
                .isEqualTo("Letter of recommendation request – Amina Rahman, Internal Medicine May–June 2027");
    }

    @Test
    void the_personal_paragraph_follows_the_thanks_as_typed() {
        request.writePersonalParagraph(PARAGRAPH);

        String text = sent().text();

        assertThat(text).contains("This email carries everything you need in one place.\n\n" + PARAGRAPH + "\n\nOpen the kit");
        String html = mails.templates.render("kit.html.ftlh", model(KIT_URL, CONFIRM_URL));
        assertThat(html).contains("the feedback &lt;always&gt; kind.").contains("Tuesday sessions &amp; the feedback")
                .doesNotContain("<always>");
    }

    @Test
    void without_a_paragraph_the_email_reads_as_before() {
        assertThat(sent().text()).contains("This email carries everything you need in one place.\n\nOpen the kit");
    }

    @Test
    void the_signature_carries_the_students_email_and_their_phone_if_given() {
        assertThat(sent().text()).endsWith("With thanks,\nAmina Rahman\namina@example.org\n(sent through Bridgeway Rotations)\n");

        student.changePhone("+1 312 555 0188");

        assertThat(sent().text()).endsWith("With thanks,\nAmina Rahman\namina@example.org\n+1 312 555 0188\n(sent through Bridgeway Rotations)\n");
        assertThat(mails.templates.render("kit.html.ftlh", model(KIT_URL, CONFIRM_URL)))
                .contains("With thanks,<br>Amina Rahman<br>amina@example.org<br>+1 312 555 0188<br>");
    }
}
