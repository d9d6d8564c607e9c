package org.lorkit.domain.outbox;

import org.junit.jupiter.api.Test;
import org.lorkit.domain.shared.DomainException;

import java.time.Instant;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class OutboxEmailTest {
    private static final Instant DUE = Instant.parse("2027-06-27T23:30:00Z");
    private static final Instant LATER = DUE.plusSeconds(600);

    private static OutboxEmail kit() {
        return new OutboxEmail(MailKind.KIT, 42L, "Dana.Lee@Hospital.example", "agency@example.org", "Letter kit", DUE);
    }

    @Test
    void a_new_email_waits_to_be_sent_with_a_key_of_request_kind_and_day() {
        OutboxEmail email = kit();
        assertThat(email.getStatus()).isEqualTo(OutboxStatus.PENDING);
        assertThat(email.getDueAt()).isEqualTo(DUE);
        assertThat(email.getAttempts()).isZero();
        assertThat(email.mailKind()).isEqualTo(MailKind.KIT);
        assertThat(email.getKind()).isEqualTo("KIT");
        assertThat(email.getToAddress()).isEqualTo("dana.lee@hospital.example");
        assertThat(email.getReplyTo()).isEqualTo("agency@example.org");
        assertThat(email.getSubject()).isEqualTo("Letter kit");
        assertThat(email.getLetterRequestId()).isEqualTo(42L);
        assertThat(email.getDedupKey()).isEqualTo("42:KIT:2027-06-27").isEqualTo(OutboxEmail.dedupKey(MailKind.KIT, 42L, DUE));
    }

    @Test
    void its_parts_are_checked() {
        assertThatThrownBy(() -> new OutboxEmail(null, 1L, "a@b.example", null, "s", DUE)).isInstanceOf(DomainException.class);
        assertThatThrownBy(() -> new OutboxEmail(MailKind.KIT, 1L, "not an address", null, "s", DUE)).isInstanceOf(DomainException.class);
        assertThatThrownBy(() -> new OutboxEmail(MailKind.KIT, 1L, "a@b.example", null, " ", DUE)).isInstanceOf(DomainException.class);
        assertThatThrownBy(() -> new OutboxEmail(MailKind.KIT, 1L, "a@b.example", null, "s", null)).isInstanceOf(DomainException.class);
    }

    @Test
    void a_nudge_is_keyed_by_student_so_one_a_day_goes_out() {
        OutboxEmail nudge = OutboxEmail.aboutStudent(MailKind.NUDGE, 7L, "amina@example.org", null, "A word", " Keep going ", DUE);
        assertThat(nudge.getStudentId()).isEqualTo(7L);
        assertThat(nudge.getLetterRequestId()).isNull();
        assertThat(nudge.getMessage()).isEqualTo("Keep going");
        assertThat(nudge.getDedupKey()).isEqualTo("student-7:NUDGE:2027-06-27").isEqualTo(OutboxEmail.studentDedupKey(MailKind.NUDGE, 7L, DUE));
        assertThatThrownBy(() -> OutboxEmail.aboutStudent(MailKind.NUDGE, 7L, "amina@example.org", null, "A word", "x".repeat(2001), DUE))
                .isInstanceOf(DomainException.class);
    }

    @Test
    void the_ask_window_email_is_keyed_by_rotation_without_a_day_so_one_ever_goes_out_per_rotation() {
        OutboxEmail first = OutboxEmail.aboutRotation(MailKind.ASK_WINDOW_OPEN, 7L, 31L, "amina@example.org", null, "Time to ask", DUE);
        OutboxEmail nextDay = OutboxEmail.aboutRotation(MailKind.ASK_WINDOW_OPEN, 7L, 31L, "amina@example.org", null, "Time to ask",
                DUE.plusSeconds(86_400));
        assertThat(first.getDedupKey()).isEqualTo("rotation-31:ASK_WINDOW_OPEN").isEqualTo(nextDay.getDedupKey())
                .isEqualTo(OutboxEmail.rotationDedupKey(MailKind.ASK_WINDOW_OPEN, 31L));
        assertThat(first.getRotationId()).isEqualTo(31L);
        assertThat(first.getStudentId()).as("erasing the student erases it").isEqualTo(7L);
        assertThat(first.getLetterRequestId()).isNull();
        assertThatThrownBy(() -> OutboxEmail.aboutRotation(MailKind.KIT, 7L, 31L, "amina@example.org", null, "s", DUE))
                .isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void mail_to_staff_is_keyed_by_recipient_and_scope_and_only_for_staff_kinds() {
        OutboxEmail alert = OutboxEmail.toStaff(MailKind.MAIL_HELD, "Admin@Agency.example", "relay", "Mail is held", "Words", DUE);
        assertThat(alert.getDedupKey()).isEqualTo("staff-admin@agency.example:relay:MAIL_HELD:2027-06-27");
        assertThat(alert.getMessage()).isEqualTo("Words");
        assertThat(alert.getReplyTo()).isNull();
        assertThatThrownBy(() -> OutboxEmail.toStaff(MailKind.KIT, "admin@agency.example", "relay", "s", "m", DUE))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> OutboxEmail.staffDedupKey(MailKind.DIGEST, "a@b.example", "two\nlines", DUE)).isInstanceOf(DomainException.class);
    }

    @Test
    void a_staff_key_is_cut_to_the_columns_200_characters() {
        String longAddress = "a".repeat(180) + "@agency.example";
        assertThat(OutboxEmail.staffDedupKey(MailKind.DIGEST, longAddress, "digest", DUE)).hasSize(200).startsWith("staff-aaa");
    }

    @Test
    void sent_keeps_the_record_without_links_and_ends_the_claim() {
        OutboxEmail email = kit();
        email.assignMessageId("<m1@lorkit>");
        email.retryLater("421 busy", LATER, 10);
        email.markSent("<m1@lorkit>", "text", "<p>html</p>", LATER);
        assertThat(email.getStatus()).isEqualTo(OutboxStatus.SENT);
        assertThat(email.getMessageId()).isEqualTo("<m1@lorkit>");
        assertThat(email.getBodyText()).isEqualTo("text");
        assertThat(email.getBodyHtml()).isEqualTo("<p>html</p>");
        assertThat(email.getSentAt()).isEqualTo(LATER);
        assertThat(email.getAttempts()).isEqualTo(2);
        assertThat(email.getLastError()).isNull();
    }

    @Test
    void staff_mail_forgets_its_words_once_sent() {
        OutboxEmail digest = OutboxEmail.toStaff(MailKind.DIGEST, "staff@agency.example", "digest", "Yesterday", "Amina's letter", DUE);
        digest.markSent("<d@lorkit>", "text", null, LATER);
        assertThat(digest.getMessage()).isNull();
        OutboxEmail nudge = OutboxEmail.aboutStudent(MailKind.NUDGE, 7L, "amina@example.org", null, "A word", "Keep going", DUE);
        nudge.markSent("<n@lorkit>", "text", null, LATER);
        assertThat(nudge.getMessage()).isEqualTo("Keep going");
    }

    @Test
    void the_message_id_is_assigned_once_and_kept_for_retries() {
        OutboxEmail email = kit();
        email.assignMessageId("<first@lorkit>");
        email.assignMessageId("<second@lorkit>");
        assertThat(email.getMessageId()).isEqualTo("<first@lorkit>");
    }

    @Test
    void a_passing_failure_counts_an_attempt_and_waits_until_the_last_one_gives_up() {
        OutboxEmail email = kit();
        assertThat(email.retryLater("421 try later", LATER, 3)).isFalse();
        assertThat(email.getAttempts()).isEqualTo(1);
        assertThat(email.getDueAt()).isEqualTo(LATER);
        assertThat(email.getStatus()).isEqualTo(OutboxStatus.PENDING);
        assertThat(email.getLastError()).isEqualTo("421 try later");
        assertThat(email.retryLater("421 again", LATER.plusSeconds(60), 3)).isFalse();
        assertThat(email.retryLater("421 still", LATER.plusSeconds(120), 3)).isTrue();
        assertThat(email.getStatus()).isEqualTo(OutboxStatus.FAILED);
        assertThat(email.getAttempts()).isEqualTo(3);
        assertThat(email.getDueAt()).as("a given-up email is not rescheduled").isEqualTo(LATER.plusSeconds(60));
    }

    @Test
    void errors_are_kept_to_a_thousand_characters() {
        OutboxEmail email = kit();
        email.retryLater("e".repeat(1500), LATER, 10);
        assertThat(email.getLastError()).hasSize(1000);
    }

    @Test
    void mail_held_by_the_relay_waits_without_counting_an_attempt() {
        OutboxEmail email = kit();
        email.holdForRelay("550 5.7.1 relaying denied", LATER);
        assertThat(email.getAttempts()).isZero();
        assertThat(email.getDueAt()).isEqualTo(LATER);
        assertThat(email.getStatus()).isEqualTo(OutboxStatus.PENDING);
        assertThat(email.getLastError()).isEqualTo("550 5.7.1 relaying denied");
        assertThatThrownBy(() -> email.holdForRelay("x", null)).isInstanceOf(DomainException.class);
    }

    @Test
    void a_bounce_ends_it_and_counts_an_attempt_only_if_it_was_still_waiting() {
        OutboxEmail waiting = kit();
        waiting.markBounced("550 5.1.1 no such user");
        assertThat(waiting.getStatus()).isEqualTo(OutboxStatus.BOUNCED);
        assertThat(waiting.getAttempts()).isEqualTo(1);
        assertThat(waiting.getLastError()).isEqualTo("550 5.1.1 no such user");

        OutboxEmail sent = kit();
        sent.markSent("<m@lorkit>", "text", null, LATER);
        sent.markBounced("a later report");
        assertThat(sent.getStatus()).isEqualTo(OutboxStatus.BOUNCED);
        assertThat(sent.getAttempts()).isEqualTo(1);
    }

    @Test
    void undelivered_fails_a_waiting_or_sent_email_but_not_a_bounced_one() {
        OutboxEmail sent = kit();
        sent.markSent("<m@lorkit>", "text", null, LATER);
        sent.markUndelivered("queue lifetime exceeded");
        assertThat(sent.getStatus()).isEqualTo(OutboxStatus.FAILED);
        assertThat(sent.getLastError()).isEqualTo("queue lifetime exceeded");

        OutboxEmail waiting = kit();
        waiting.markUndelivered("held too long");
        assertThat(waiting.getStatus()).isEqualTo(OutboxStatus.FAILED);

        OutboxEmail bounced = kit();
        bounced.markBounced("550");
        bounced.markUndelivered("late");
        assertThat(bounced.getStatus()).isEqualTo(OutboxStatus.BOUNCED);
        assertThat(bounced.getLastError()).isEqualTo("550");
    }

    @Test
    void a_complaint_suppresses_only_mail_still_waiting() {
        OutboxEmail waiting = kit();
        waiting.suppress("reported as spam");
        assertThat(waiting.getStatus()).isEqualTo(OutboxStatus.SUPPRESSED);
        assertThat(waiting.getLastError()).isEqualTo("reported as spam");

        OutboxEmail sent = kit();
        sent.markSent("<m@lorkit>", "text", null, LATER);
        sent.suppress("reported as spam");
        assertThat(sent.getStatus()).isEqualTo(OutboxStatus.SENT);
        assertThat(sent.getLastError()).isNull();
    }

    @org.junit.jupiter.api.Test
    void an_email_asking_the_attending_for_a_letter_is_wanted_only_while_the_request_is_open() {
        for (org.lorkit.domain.letter.LetterState state : org.lorkit.domain.letter.LetterState.values()) {
            assertThat(MailKind.KIT.stillWanted(state)).as("kit, " + state).isEqualTo(state.isOpen());
            assertThat(MailKind.REMINDER_1.stillWanted(state)).as("reminder, " + state).isEqualTo(state.isOpen());
            assertThat(MailKind.DEADLINE_CHANGED.stillWanted(state)).as("new deadline, " + state).isEqualTo(state.isOpen());
            assertThat(MailKind.WRITER_DECLINED.stillWanted(state)).as("the student is told anyway, " + state).isTrue();
        }
    }

    @org.junit.jupiter.api.Test
    void a_cancelled_email_is_not_sent_and_says_why() {
        OutboxEmail email = new OutboxEmail(MailKind.KIT, 42L, "dana.lee@hospital.example", null, "Letter kit", DUE);

        email.cancel("the request was closed (declined) before this email went");

        assertThat(email.getStatus()).isEqualTo(OutboxStatus.CANCELLED);
        assertThat(email.getLastError()).isEqualTo("the request was closed (declined) before this email went");
        email.cancel("again");
        assertThat(email.getLastError()).as("only a waiting email is cancelled").isEqualTo("the request was closed (declined) before this email went");
    }
}
