package org.lorkit.it.mail;

import jakarta.inject.Inject;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.lorkit.application.attending.AttendingView;
import org.lorkit.application.kit.KitService;
import org.lorkit.application.letter.LetterEventView;
import org.lorkit.application.letter.LetterRequestService;
import org.lorkit.application.link.AttendingLinkService;
import org.lorkit.application.link.AttendingLinkService.Answer;
import org.lorkit.application.outbox.OutboxSender;
import org.lorkit.application.rotation.RotationView;
import org.lorkit.application.student.StudentView;
import org.lorkit.domain.letter.LetterState;
import org.lorkit.domain.link.LinkPurpose;
import org.lorkit.infrastructure.time.Clocks;
import org.lorkit.it.support.Identities;
import org.lorkit.it.support.Inbox;
import org.lorkit.it.support.InsideLorKit;

import java.time.Duration;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Days pass on the application's clock: an attending who never answers gets two gentle reminders, each
 * exactly once however often the sweep runs, and then the letter is "not coming"; an attending who
 * confirms is not reminded before the agreed deadline, and never again once they report the letter uploaded.
 */
class ReminderIT extends InsideLorKit {
    private static final Pattern CONFIRM_LINK = Pattern.compile("/a/confirm\\.xhtml\\?t=([A-Za-z0-9_-]{43})");

    @Inject
    LetterRequestService letters;
    @Inject
    org.lorkit.application.advice.AdviceService advice;
    @Inject
    KitService kits;
    @Inject
    AttendingLinkService links;
    @Inject
    OutboxSender sender;
    @Inject
    Clocks clocks;

    private long agency;
    private StudentView student;
    private AttendingView silent;
    private AttendingView willing;
    private AttendingView unasked;
    private long silentRequest;
    private long willingRequest;

    @BeforeEach
    void twoKitsSentToday() throws Exception {
        agency = fixtures.agency().id();
        RotationView[] rotations = new RotationView[2];
        as.staff(agency, () -> {
            student = fixtures.student(fixtures.cohort(), Identities.OWNER_STUDENT);
            silent = fixtures.attending("Internal Medicine");
            willing = fixtures.attending("Internal Medicine");
            rotations[0] = fixtures.rotation(student, silent, 24);
            // A supervisor nobody asked yet: the next writer the "not coming" email proposes.
            fixtures.rotation(student, unasked = fixtures.attending("Internal Medicine"), 20);
            rotations[1] = fixtures.rotation(student, willing, 26);
            return null;
        });
        silentRequest = fixtures.readyKit(agency, student, silent, rotations[0]);
        willingRequest = fixtures.readyKit(agency, student, willing, rotations[1]);
        as.ownerStudent(agency, () -> kits.send(silentRequest));
        as.ownerStudent(agency, () -> kits.send(willingRequest));
        sender.sendDue();
        assertThat(Inbox.await(silent.email(), 1, Duration.ofSeconds(20))).hasSize(1);
        assertThat(Inbox.await(willing.email(), 1, Duration.ofSeconds(20))).hasSize(1);
    }

    @AfterEach
    void backToRealTime() {
        clocks.reset();
    }

    /**
     * Moves the clock, sweeps this test's agency twice (as two nodes or two timer runs would; the demo
     * agencies other tests read are left alone), and sends what is due.
     */
    private LetterState state(long request) {
        return as.ownerStudent(agency, () -> letters.find(request)).orElseThrow().state();
    }

    private static List<String> subjects(String address) throws Exception {
        return Inbox.read(address).stream().map(Inbox.Mail::subject).toList();
    }

    @Test
    void the_day_before_a_reminder_the_student_home_says_it_goes_out_tomorrow() {
        clocks.advance(Duration.ofDays(13));

        var actions = as.ownerStudent(agency, () -> advice.home()).actions();

        assertThat(actions).extracting(org.lorkit.domain.advice.NextAction::message)
                .contains("No upload 13 days after the kit: a gentle reminder to " + silent.fullName() + " goes out tomorrow");
    }

    @Test
    void a_silent_attending_gets_two_reminders_once_each_and_then_the_letter_is_not_coming() throws Exception {
        fixtures.daysPass(agency, 14);
        assertThat(state(silentRequest)).isEqualTo(LetterState.REMINDED_1);
        assertThat(subjects(silent.email())).containsExactly("Letter of recommendation request – Amara Okafor, Internal Medicine October 2026",
                "Gentle reminder: letter of recommendation for Amara Okafor");
        assertThat(Inbox.read(silent.email()).get(1).text()).contains("The deadline is", "plans to submit their ERAS application on");

        fixtures.daysPass(agency, 1);
        assertThat(subjects(silent.email())).as("nothing new the next day").hasSize(2);

        fixtures.daysPass(agency, 9);
        assertThat(state(silentRequest)).isEqualTo(LetterState.REMINDED_2);
        assertThat(subjects(silent.email())).hasSize(3);

        fixtures.daysPass(agency, 7);
        assertThat(state(silentRequest)).isEqualTo(LetterState.NOT_COMING);
        fixtures.daysPass(agency, 30);
        assertThat(subjects(silent.email())).as("never more than two reminders").hasSize(3);
        List<Inbox.Mail> toStudent = Inbox.read(Identities.OWNER_STUDENT);
        assertThat(toStudent).extracting(Inbox.Mail::subject).contains("A reminder went to " + silent.fullName(),
                silent.fullName() + "'s letter is not coming: ask another writer");
        assertThat(toStudent.stream().filter(m -> m.subject().endsWith("is not coming: ask another writer")).reduce((a, b) -> b)
                .orElseThrow().text()).contains("Next best writers from your rotations:", "- " + unasked.fullName() + " (Internal Medicine at");
    }

    @Test
    void a_confirmed_letter_is_not_chased_before_its_deadline_and_never_after_the_upload() throws Exception {
        Matcher confirm = CONFIRM_LINK.matcher(Inbox.read(willing.email()).get(0).text());
        assertThat(confirm.find()).isTrue();
        links.answer(confirm.group(1), LinkPurpose.CONFIRM, Answer.CONFIRM, null, null, "127.0.0.1");

        fixtures.daysPass(agency, 14);
        assertThat(state(willingRequest)).isEqualTo(LetterState.CONFIRMED);
        assertThat(state(silentRequest)).as("the other attending is reminded that day").isEqualTo(LetterState.REMINDED_1);
        assertThat(subjects(willing.email())).hasSize(1);

        Matcher kit = Pattern.compile("/a/kit\\.xhtml\\?t=([A-Za-z0-9_-]{43})").matcher(Inbox.read(willing.email()).get(0).text());
        assertThat(kit.find()).isTrue();
        links.answer(kit.group(1), LinkPurpose.KIT, Answer.UPLOADED, null, null, "127.0.0.1");
        fixtures.daysPass(agency, 40);

        // The writer's word stops the reminders; the letter waits for the student to see it in ERAS (never "not coming").
        assertThat(state(willingRequest)).isEqualTo(LetterState.CONFIRMED);
        assertThat(subjects(willing.email())).as("no reminder ever reached the attending who confirmed").hasSize(1);
        assertThat(as.ownerStudent(agency, () -> letters.history(willingRequest))).extracting(LetterEventView::toState)
                .doesNotContain(LetterState.REMINDED_1, LetterState.REMINDED_2, LetterState.NOT_COMING);
    }
}
