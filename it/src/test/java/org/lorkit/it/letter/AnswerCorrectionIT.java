package org.lorkit.it.letter;

import jakarta.inject.Inject;
import jakarta.validation.ConstraintViolationException;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.lorkit.application.advice.AskService;
import org.lorkit.application.attending.AttendingView;
import org.lorkit.application.kit.KitService;
import org.lorkit.application.letter.AnswerCorrection;
import org.lorkit.application.letter.LetterEventView;
import org.lorkit.application.letter.LetterRequestService;
import org.lorkit.application.letter.LetterRequestView;
import org.lorkit.application.link.AttendingLinkService;
import org.lorkit.application.link.AttendingLinkService.Answer;
import org.lorkit.application.outbox.OutboxSender;
import org.lorkit.application.rotation.RotationView;
import org.lorkit.application.student.StudentView;
import org.lorkit.domain.document.DocumentKind;
import org.lorkit.domain.letter.AnswerHeard;
import org.lorkit.domain.letter.LetterState;
import org.lorkit.domain.link.LinkPurpose;
import org.lorkit.domain.shared.DomainException;
import org.lorkit.infrastructure.time.Clocks;
import org.lorkit.it.support.Identities;
import org.lorkit.it.support.Inbox;
import org.lorkit.it.support.InsideLorKit;
import org.lorkit.it.support.MailLinks;
import org.lorkit.it.support.SamplePdfs;

import java.time.Duration;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * The answer to the ask, recorded as one of the guide's cases and corrected when it was misread, through the services
 * as the student and staff call them: each case leads where the guide says, with the student's words kept; the student
 * corrects within 14 days, staff at any time, each correction in the history with who and why; a yes corrected to a no
 * after the kit went out stops the reminders, and a no corrected to a yes lets the kit go out.
 */
class AnswerCorrectionIT extends InsideLorKit {
    @Inject
    AskService asks;
    @Inject
    LetterRequestService letters;
    @Inject
    KitService kits;
    @Inject
    org.lorkit.application.kit.DocumentService documents;
    @Inject
    org.lorkit.application.kit.WorkLogService worklog;
    @Inject
    AttendingLinkService links;
    @Inject
    OutboxSender sender;
    @Inject
    Clocks clocks;
    @jakarta.annotation.Resource(lookup = "java:jboss/datasources/LorKitDS")
    javax.sql.DataSource dataSource;

    private long agency;
    private StudentView student;

    @BeforeEach
    void aStudentOfANewAgency() {
        agency = fixtures.agency().id();
        student = as.staff(agency, () -> fixtures.student(fixtures.cohort(), Identities.OWNER_STUDENT));
        as.ownerStudent(agency, () -> {
            documents.upload(DocumentKind.CV, "cv.pdf", SamplePdfs.pages(1, "CV"));
            return documents.upload(DocumentKind.PERSONAL_STATEMENT, "ps.pdf", SamplePdfs.pages(1, "Statement"));
        });
    }

    @AfterEach
    void backToRealTime() {
        clocks.reset();
    }

    /** A new supervising attending on a new rotation of the student, with five bullets for the kit. */
    private Writer writer() {
        Writer writer = as.staff(agency, () -> {
            AttendingView attending = fixtures.attending("Internal Medicine");
            return new Writer(attending, fixtures.rotation(student, attending, 24));
        });
        as.ownerStudent(agency, () -> worklog.keepBullets(writer.rotation().id(), List.of("Followed six patients daily",
                "Presented at morning report", "Wrote daily progress notes", "Followed up on pending results", "Led a family meeting")));
        return writer;
    }

    private record Writer(AttendingView attending, RotationView rotation) {
    }

    private AskService.AnswerOutcome record(Writer writer, AnswerHeard heard, String words) {
        return as.ownerStudent(agency, () -> asks.recordAnswer(writer.rotation().id(), writer.attending().id(), heard, words));
    }

    private LetterRequestView view(long request) {
        return as.staff(agency, () -> letters.find(request)).orElseThrow();
    }

    private List<LetterEventView> history(long request) {
        return as.ownerStudent(agency, () -> letters.history(request));
    }

    /** The kit for a yes, sent today (its email delivered), as the student sends it from the kit page. */
    private void sendKit(long request) throws Exception {
        as.ownerStudent(agency, () -> kits.prepare(request, "14029381", null, LocalDate.ofInstant(clocks.now(), ZoneOffset.UTC).plusDays(24), "INTERNAL_MEDICINE"));
        as.ownerStudent(agency, () -> kits.confirmWriterInEras(request, true));
        as.ownerStudent(agency, () -> kits.send(request));
        sender.sendDue();
    }

    @Test
    void each_of_the_guides_answers_leads_where_the_guide_says_with_the_students_words_kept() {
        // Every writer first: after each no, those not asked yet are proposed.
        java.util.Map<AnswerHeard, Writer> writers = new java.util.EnumMap<>(AnswerHeard.class);
        for (AnswerHeard heard : AnswerHeard.values()) {
            writers.put(heard, writer());
        }
        for (AnswerHeard heard : AnswerHeard.values()) {
            Writer writer = writers.get(heard);
            String words = "What " + writer.attending().fullName() + " said: " + heard.name();

            AskService.AnswerOutcome outcome = record(writer, heard, words);

            assertThat(outcome.request().state()).as(heard.name()).isEqualTo(heard.leadsTo());
            assertThat(outcome.heard()).isEqualTo(heard);
            assertThat(outcome.request().answer().heard()).isEqualTo(heard);
            assertThat(outcome.request().answer().words()).isEqualTo(words);
            assertThat(outcome.request().offeredUnprompted()).isEqualTo(heard == AnswerHeard.OFFERED_BEFORE_ASKED);
            assertThat(history(outcome.request().id())).last().satisfies(e -> assertThat(e.reason()).contains(heard.said(), words));
            if (heard.isPoliteNo() || heard.leadsTo() == LetterState.DECLINED) {
                assertThat(outcome.nextWriters()).as("after a no, the next writers").isNotEmpty();
            }
        }
    }

    @Test
    void the_student_corrects_a_misread_polite_no_within_14_days_and_the_history_says_who_and_why() throws Exception {
        Writer writer = writer();
        long request = record(writer, AnswerHeard.MAYBE_IF_TIME, "Yes, I will write you a strong letter, probably by next week").request().id();
        clocks.advance(Duration.ofDays(13));

        AnswerCorrection offered = as.ownerStudent(agency, () -> letters.answerCorrection(request));
        assertThat(offered.allowed()).isTrue();
        assertThat(offered.byStaff()).isFalse();
        assertThat(offered.choices()).doesNotContain(AnswerHeard.MAYBE_IF_TIME).contains(AnswerHeard.STRONG_YES);

        LetterRequestView corrected = as.ownerStudent(agency, () -> letters.correctAnswer(request, AnswerHeard.STRONG_YES,
                "I clicked the wrong answer: she said yes to a strong letter"));

        assertThat(corrected.state()).isEqualTo(LetterState.STRONG_YES);
        assertThat(corrected.answer().heard()).isEqualTo(AnswerHeard.STRONG_YES);
        assertThat(corrected.answer().words()).isEqualTo("Yes, I will write you a strong letter, probably by next week");
        assertThat(history(request)).last().satisfies(e -> {
            assertThat(e.fromState()).isEqualTo(LetterState.LUKEWARM);
            assertThat(e.toState()).isEqualTo(LetterState.STRONG_YES);
            assertThat(e.actor()).isEqualTo(Identities.OWNER_STUDENT);
            assertThat(e.reason()).isEqualTo("answer corrected from \"maybe, if I have time\" to yes to a strong letter (a real yes): "
                    + "I clicked the wrong answer: she said yes to a strong letter");
        });
        // The yes is a yes everywhere: the kit can go out.
        sendKit(request);
        assertThat(view(request).state()).isEqualTo(LetterState.KIT_SENT);
        assertThat(Inbox.await(writer.attending().email(), 1, Duration.ofSeconds(20))).hasSize(1);
    }

    @Test
    void after_14_days_the_student_is_refused_and_staff_may_still_correct() {
        Writer writer = writer();
        long request = record(writer, AnswerHeard.LETTER_WITHOUT_STRONG, "I can write you a letter.").request().id();
        clocks.advance(Duration.ofDays(15));

        AnswerCorrection offered = as.ownerStudent(agency, () -> letters.answerCorrection(request));
        assertThat(offered.allowed()).isFalse();
        assertThat(offered.refusal()).contains("for 14 days after recording it").contains("Ask your agency's staff");
        assertThatThrownBy(() -> as.ownerStudent(agency, () -> letters.correctAnswer(request, AnswerHeard.STRONG_YES, "misread")))
                .isInstanceOf(DomainException.class)
                .hasMessageStartingWith("You can correct an answer within 14 days of recording it")
                .extracting(e -> ((DomainException) e).field()).isEqualTo("heard");
        assertThat(view(request).state()).isEqualTo(LetterState.LUKEWARM);

        clocks.advance(Duration.ofDays(200));
        assertThat(as.staff(agency, () -> letters.answerCorrection(request)).allowed()).isTrue();
        LetterRequestView corrected = as.staff(agency, () -> letters.correctAnswer(request, AnswerHeard.DOESNT_KNOW_ME_WELL,
                "the student told us he said he barely knows her"));

        assertThat(corrected.state()).as("another polite no").isEqualTo(LetterState.LUKEWARM);
        assertThat(corrected.answer().heard()).isEqualTo(AnswerHeard.DOESNT_KNOW_ME_WELL);
        assertThat(history(request)).last().satisfies(e -> {
            assertThat(e.actor()).isEqualTo("staff@agency.example");
            assertThat(e.reason()).startsWith("answer corrected by the agency from a letter without \"strong\" to \"I don't know you that well\"")
                    .endsWith(": the student told us he said he barely knows her");
        });
    }

    @Test
    void a_correction_needs_an_answer_and_a_reason() {
        long request = record(writer(), AnswerHeard.STRONG_YES, null).request().id();

        assertThatThrownBy(() -> as.ownerStudent(agency, () -> letters.correctAnswer(request, null, "why")))
                .isInstanceOf(ConstraintViolationException.class).hasMessageContaining("Choose what they really said");
        assertThatThrownBy(() -> as.ownerStudent(agency, () -> letters.correctAnswer(request, AnswerHeard.MORE_FACTUAL, " ")))
                .isInstanceOf(ConstraintViolationException.class).hasMessageContaining("Say why the answer is corrected");
        assertThat(view(request).state()).isEqualTo(LetterState.STRONG_YES);
    }

    @Test
    void a_kit_still_waiting_to_go_when_its_yes_is_corrected_to_a_no_is_never_sent() throws Exception {
        Writer writer = writer();
        long request = record(writer, AnswerHeard.STRONG_YES, "Sure").request().id();
        as.ownerStudent(agency, () -> kits.prepare(request, "14029381", null, LocalDate.ofInstant(clocks.now(), ZoneOffset.UTC).plusDays(24), "INTERNAL_MEDICINE"));
        as.ownerStudent(agency, () -> kits.confirmWriterInEras(request, true));
        // In one transaction, so that no sender can take the kit's email before the correction: the email is queued
        // while the request is open, and the request is closed before anything may send it.
        as.ownerStudent(agency, () -> {
            kits.send(request);
            return letters.correctAnswer(request, AnswerHeard.MORE_FACTUAL, "I sent the kit to the wrong attending: she said more factual");
        });

        sender.sendDue();

        assertThat(org.lorkit.it.support.Sql.text(dataSource, "SELECT status FROM outbox_email WHERE letter_request_id = ? AND kind = 'KIT'", request))
                .isEqualTo("CANCELLED");
        assertThat(org.lorkit.it.support.Sql.number(dataSource, "SELECT COUNT(*) FROM attending_link WHERE letter_request_id = ?", request))
                .as("no link to a closed request was made").isZero();
        assertThat(Inbox.read(writer.attending().email())).as("the attending was asked for nothing").isEmpty();
    }

    @Test
    void a_yes_corrected_to_a_no_after_the_kit_went_out_stops_the_reminders() throws Exception {
        Writer byStudent = writer();
        long corrected = record(byStudent, AnswerHeard.STRONG_YES, "Sure, send me your CV").request().id();
        Writer byStaff = writer();
        long afterReminder = record(byStaff, AnswerHeard.STRONG_YES, "Of course").request().id();
        sendKit(corrected);
        sendKit(afterReminder);
        assertThat(Inbox.await(byStudent.attending().email(), 1, Duration.ofSeconds(20))).hasSize(1);
        assertThat(Inbox.await(byStaff.attending().email(), 1, Duration.ofSeconds(20))).hasSize(1);

        // Before any reminder, the student corrects their yes (within 14 days of it).
        clocks.advance(Duration.ofDays(12));
        LetterRequestView closed = as.ownerStudent(agency, () -> letters.correctAnswer(corrected, AnswerHeard.MORE_FACTUAL,
                "he said it would be more factual than strong; I misread his email"));
        assertThat(closed.state()).isEqualTo(LetterState.DECLINED);

        fixtures.daysPass(agency, 3); // 15 days after the kits: the first reminder is due for the other one
        assertThat(view(afterReminder).state()).isEqualTo(LetterState.REMINDED_1);
        assertThat(Inbox.await(byStaff.attending().email(), 2, Duration.ofSeconds(20))).hasSize(2);

        // After the reminder, staff correct the other yes.
        as.staff(agency, () -> letters.correctAnswer(afterReminder, AnswerHeard.NOT_COMFORTABLE, "the attending phoned: not comfortable"));
        assertThat(view(afterReminder).state()).isEqualTo(LetterState.DECLINED);

        fixtures.daysPass(agency, 10);
        fixtures.daysPass(agency, 10);
        fixtures.daysPass(agency, 30);

        assertThat(view(corrected).state()).isEqualTo(LetterState.DECLINED);
        assertThat(view(corrected).remindersSent()).isZero();
        assertThat(view(afterReminder).state()).isEqualTo(LetterState.DECLINED);
        assertThat(view(afterReminder).remindersSent()).isEqualTo(1);
        assertThat(Inbox.read(byStudent.attending().email())).as("the kit only: no reminder").hasSize(1);
        assertThat(Inbox.read(byStaff.attending().email())).as("the kit and the one reminder before the correction").hasSize(2);
        assertThat(history(corrected)).extracting(LetterEventView::toState)
                .doesNotContain(LetterState.REMINDED_1, LetterState.REMINDED_2, LetterState.NOT_COMING);
    }

    @Test
    void once_the_writer_confirmed_their_own_word_stands() throws Exception {
        Writer writer = writer();
        long request = record(writer, AnswerHeard.STRONG_YES, "Happy to").request().id();
        sendKit(request);
        Inbox.Mail kit = Inbox.await(writer.attending().email(), 1, Duration.ofSeconds(20)).get(0);
        links.answer(MailLinks.token(MailLinks.CONFIRM_LINK, kit.text()), LinkPurpose.CONFIRM, Answer.CONFIRM, null, null, "127.0.0.1");
        assertThat(view(request).state()).isEqualTo(LetterState.CONFIRMED);

        AnswerCorrection offered = as.staff(agency, () -> letters.answerCorrection(request));
        assertThat(offered.allowed()).isFalse();
        assertThat(offered.refusal()).contains("confirmed by their link").contains("their own answer stands");
        assertThatThrownBy(() -> as.staff(agency, () -> letters.correctAnswer(request, AnswerHeard.MORE_FACTUAL, "misread")))
                .isInstanceOf(DomainException.class).hasMessageContaining("their own answer stands");
        assertThat(view(request).state()).isEqualTo(LetterState.CONFIRMED);
    }

    @Test
    void nobody_corrects_another_students_answer_and_a_request_without_an_answer_has_nothing_to_correct() {
        long request = record(writer(), AnswerHeard.MAYBE_IF_TIME, "Maybe").request().id();

        assertThatThrownBy(() -> as.otherStudent(agency, () -> letters.correctAnswer(request, AnswerHeard.STRONG_YES, "mine now")))
                .isInstanceOf(DomainException.class).hasMessageStartingWith("No ");
        assertThat(view(request).state()).isEqualTo(LetterState.LUKEWARM);

        Writer unanswered = writer();
        long planned = as.ownerStudent(agency, () -> letters.plan(new org.lorkit.application.letter.NewLetterRequest(student.id(),
                unanswered.attending().id(), unanswered.rotation().id(), null))).id();
        assertThat(as.ownerStudent(agency, () -> letters.answerCorrection(planned)).refusal()).contains("No answer is recorded");
    }
}
