package org.lorkit.it.kit;

import jakarta.inject.Inject;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.lorkit.application.attending.AttendingView;
import org.lorkit.application.kit.KitService;
import org.lorkit.application.letter.LetterEventView;
import org.lorkit.application.letter.LetterRequestService;
import org.lorkit.application.mail.LetterMails;
import org.lorkit.application.outbox.OutboxSender;
import org.lorkit.application.rotation.RotationView;
import org.lorkit.application.student.StudentView;
import org.lorkit.domain.letter.LetterState;
import org.lorkit.domain.shared.DomainException;
import org.lorkit.it.support.Identities;
import org.lorkit.it.support.Inbox;
import org.lorkit.it.support.InsideLorKit;
import org.lorkit.it.support.MailLinks;

import java.time.Duration;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

/**
 * The kit email the student sends in their name (issue 17, items 6 and 11): it goes out only once the student says
 * they have entered the writer in ERAS; the student reads it before sending, adds a paragraph of their own and a
 * phone, and the email that arrives is the one they read, with the links in place of the placeholders.
 */
class KitEmailIT extends InsideLorKit {
    private static final String PARAGRAPH = "Working with you on the heart failure patients made me sure internal medicine is my field.\n"
            + "Thank you for the Tuesday teaching sessions.";

    @Inject
    KitService kits;
    @Inject
    LetterRequestService letters;
    @Inject
    OutboxSender sender;

    private long agency;
    private AttendingView patel;
    private long requestId;

    @BeforeEach
    void aKitReadyToSend() {
        agency = fixtures.agency().id();
        StudentView[] student = new StudentView[1];
        RotationView rotation = as.staff(agency, () -> {
            student[0] = fixtures.student(fixtures.cohort(), Identities.OWNER_STUDENT);
            patel = fixtures.attending("Internal Medicine");
            return fixtures.rotation(student[0], patel, 24);
        });
        requestId = fixtures.readyKit(agency, student[0], patel, rotation);
    }

    private Inbox.Mail sendAndReceive() throws Exception {
        as.ownerStudent(agency, () -> kits.send(requestId));
        sender.sendDue();
        List<Inbox.Mail> received = Inbox.await(patel.email(), 1, Duration.ofSeconds(20));
        assertThat(received).hasSize(1);
        return received.get(0);
    }

    @Test
    void the_kit_goes_out_only_once_the_student_says_the_writer_is_entered_in_eras() {
        KitService.Settings unticked = as.ownerStudent(agency, () -> kits.confirmWriterInEras(requestId, false));
        assertThat(unticked.writerInEras()).isFalse();
        assertThat(unticked.erasEntryQuestion()).isEqualTo("I have entered Dr. Anjali Patel in ERAS as a letter writer");
        assertThat(unticked.erasEntryWhy()).isEqualTo("ERAS emails the writer the upload link only once you add them; without it they cannot upload");
        assertThat(unticked.missing()).containsExactly("Dr. Anjali Patel as a letter writer in ERAS, then tick that you did "
                + "(ERAS emails the writer the upload link only once you add them; without it they cannot upload)");

        DomainException refused = catchThrowableOfType(() -> as.ownerStudent(agency, () -> kits.send(requestId)), DomainException.class);
        assertThat(refused.field()).isEqualTo("kit");
        assertThat(refused.getMessage()).startsWith("Before the kit goes out, add Dr. Anjali Patel as a letter writer in ERAS");
        assertThat(as.ownerStudent(agency, () -> letters.find(requestId)).orElseThrow().state()).isEqualTo(LetterState.STRONG_YES);

        KitService.Settings ticked = as.ownerStudent(agency, () -> kits.confirmWriterInEras(requestId, true));
        assertThat(ticked.isReady()).isTrue();
        assertThat(as.ownerStudent(agency, () -> kits.send(requestId)).state()).isEqualTo(LetterState.KIT_SENT);
        assertThat(as.ownerStudent(agency, () -> letters.history(requestId))).extracting(LetterEventView::reason)
                .contains("the student has not entered Dr. Anjali Patel in ERAS yet",
                        "the student has entered Dr. Anjali Patel in ERAS as a letter writer");
    }

    @Test
    void the_email_that_arrives_is_the_one_the_student_read_with_their_paragraph_and_signature() throws Exception {
        KitService.Email written = as.ownerStudent(agency, () -> kits.writeEmail(requestId, PARAGRAPH, "+1 312 555 0188"));
        KitService.Email preview = as.ownerStudent(agency, () -> kits.emailPreview(requestId));
        assertThat(preview).isEqualTo(written);
        assertThat(preview.to()).isEqualTo(patel.email());
        assertThat(preview.replyTo()).isEqualTo(Identities.OWNER_STUDENT);
        assertThat(preview.text()).contains(LetterMails.KIT_LINK_SHOWN, LetterMails.CONFIRM_LINK_SHOWN).doesNotContain("?t=");

        Inbox.Mail mail = sendAndReceive();

        assertThat(mail.subject()).isEqualTo(preview.subject());
        assertThat(mail.message().getReplyTo()).extracting(Object::toString).containsExactly(Identities.OWNER_STUDENT);
        String text = mail.text().replace("\r\n", "\n");
        String asPreviewed = MailLinks.CONFIRM_LINK.matcher(MailLinks.KIT_LINK.matcher(text).replaceAll(LetterMails.KIT_LINK_SHOWN))
                .replaceAll(LetterMails.CONFIRM_LINK_SHOWN);
        assertThat(asPreviewed.strip()).as("the email sent is the preview, links apart").isEqualTo(preview.text().strip());
        assertThat(text).contains("This email carries everything you need in one place.\n\n" + PARAGRAPH + "\n\nOpen the kit");
        assertThat(text).contains("With thanks,\nAmara Okafor\n" + Identities.OWNER_STUDENT + "\n+1 312 555 0188\n(sent through ");
        assertThat(mail.html()).contains("Thank you for the Tuesday teaching sessions.")
                .contains("Amara Okafor<br>" + Identities.OWNER_STUDENT + "<br>+1 312 555 0188<br>");
    }

    @Test
    void without_a_paragraph_or_a_phone_the_signature_carries_the_email() throws Exception {
        Inbox.Mail mail = sendAndReceive();

        String text = mail.text().replace("\r\n", "\n");
        assertThat(text).contains("This email carries everything you need in one place.\n\nOpen the kit")
                .contains("With thanks,\nAmara Okafor\n" + Identities.OWNER_STUDENT + "\n(sent through ");
    }

    @Test
    void a_refused_paragraph_or_phone_keeps_nothing_of_what_was_typed_and_the_email_is_fixed_once_sent() {
        DomainException tooLong = catchThrowableOfType(() -> as.ownerStudent(agency,
                () -> kits.writeEmail(requestId, "a".repeat(1001), "+1 312 555 0188")), DomainException.class);
        assertThat(tooLong.field()).isEqualTo("personalParagraph");
        assertThat(as.ownerStudent(agency, () -> kits.settings(requestId)).phone()).as("all or nothing: the phone was not kept").isNull();

        DomainException phone = catchThrowableOfType(() -> as.ownerStudent(agency, () -> kits.writeEmail(requestId, PARAGRAPH, "call me")),
                DomainException.class);
        assertThat(phone.field()).isEqualTo("phone");
        assertThat(phone.getMessage()).startsWith("A phone number has 7 to 15 digits");
        assertThat(as.ownerStudent(agency, () -> kits.settings(requestId)).personalParagraph()).isNull();

        as.ownerStudent(agency, () -> kits.writeEmail(requestId, PARAGRAPH, null));
        as.ownerStudent(agency, () -> kits.send(requestId));
        DomainException sent = catchThrowableOfType(() -> as.ownerStudent(agency, () -> kits.writeEmail(requestId, "Another paragraph", null)),
                DomainException.class);
        assertThat(sent.field()).isEqualTo("state");
        assertThat(as.ownerStudent(agency, () -> kits.settings(requestId)).personalParagraph()).isEqualTo(PARAGRAPH);
    }
}
