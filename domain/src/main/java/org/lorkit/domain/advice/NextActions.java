package org.lorkit.domain.advice;

import org.lorkit.domain.advice.NextAction.Kind;
import org.lorkit.domain.agency.AgencyRules;
import org.lorkit.domain.letter.ErasReport;
import org.lorkit.domain.advice.StudentSituation.LetterFacts;
import org.lorkit.domain.advice.StudentSituation.RotationFacts;
import org.lorkit.domain.letter.LetterGoal;
import org.lorkit.domain.letter.LetterState;
import org.lorkit.domain.letter.ReminderPolicy;
import org.lorkit.domain.rotation.AskWindow;
import org.lorkit.domain.rotation.ContactAdvice;

import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * The student's home: every action the rules call for today, most urgent first. A kit owed after a
 * yes goes first (it goes out the same day), then asks whose window is open, then what to chase.
 */
public final class NextActions {
    private NextActions() {
    }

    /** The actions by the agency's numbers (its ask window, contact thresholds and reminder policy). */
    public static List<NextAction> derive(StudentSituation situation, AgencyRules rules, LocalDate today) {
        ReminderPolicy policy = rules.reminderPolicy();
        List<NextAction> actions = new ArrayList<>();
        List<WriterSuggestions.Suggestion> nextWriters = WriterSuggestions.next(situation, rules);
        for (LetterFacts letter : situation.letters()) {
            letterAction(letter, nextWriters, policy, today).ifPresent(actions::add);
        }
        for (RotationFacts rotation : situation.rotations()) {
            askActions(rotation, situation.letters(), today, rules, actions);
        }
        LetterGoal goal = situation.goal();
        if (goal != null && goal.status() != LetterGoal.Status.REACHED) {
            actions.add(new NextAction(Kind.LETTER_GOAL, 8, goal.summary(), null, null));
        }
        actions.sort(Comparator.comparingInt(NextAction::urgency));
        return List.copyOf(actions);
    }

    private static Optional<NextAction> letterAction(LetterFacts letter, List<WriterSuggestions.Suggestion> nextWriters,
                                                     ReminderPolicy policy, LocalDate today) {
        String name = letter.attendingName();
        switch (letter.state()) {
            case PLANNED -> {
                // An offer is no yes to a strong letter: follow it up at once with the strong question.
                return letter.offeredUnprompted()
                        ? Optional.of(new NextAction(Kind.ASK_NOW, 1, name + " offered you a letter: ask them today whether they would feel "
                        + "comfortable writing you a strong letter, and record that answer", letter.rotationId(), letter.id()))
                        : Optional.empty();
            }
            case STRONG_YES -> {
                long days = ChronoUnit.DAYS.between(letter.stateChangedOn(), today);
                String when = days <= 0 ? "today" : days == 1 ? "yesterday" : days + " days ago";
                return Optional.of(new NextAction(Kind.SEND_KIT, 1, name + " said yes " + when + ": send the kit today",
                        letter.rotationId(), letter.id()));
            }
            case NOT_COMING, DECLINED, LUKEWARM -> {
                return Optional.of(new NextAction(Kind.FIND_ANOTHER_WRITER, 3, switch (letter.state()) {
                    case NOT_COMING -> name + "'s letter is not coming after two reminders; " + askNext(nextWriters);
                    case DECLINED -> name + " declined: thank them; " + askNext(nextWriters);
                    default -> name + "'s answer was a polite no: do not use that letter; " + askNext(nextWriters);
                }, letter.rotationId(), letter.id()));
            }
            case SUBMITTED -> {
                return erasAction(letter, today);
            }
            case KIT_SENT, CONFIRMED, REMINDED_1, REMINDED_2 -> {
                // The writer's "uploaded" stops the reminders: what is left is to check ERAS (or the mismatch).
                Optional<NextAction> eras = erasAction(letter, today);
                if (eras.isPresent() || letter.eras().isWriterReported()) {
                    return eras;
                }
                return policy.nextStep(letter.state(), letter.kitSentOn(), letter.lastReminderOn(), letter.remindOn())
                        .filter(step -> !step.dueOn().isAfter(today.plusDays(1)))
                        .map(step -> reminderAction(letter, step, today));
            }
            default -> {
                return Optional.empty();
            }
        }
    }

    /** "next, ask Dr. Kim or Dr. Lee", from the suggestion rule; or where to look when nobody is left. */
    private static String askNext(List<WriterSuggestions.Suggestion> nextWriters) {
        if (nextWriters.isEmpty()) {
            return "none of your supervisors is left to ask: your agency can help you find another writer";
        }
        return "next, ask " + WriterSuggestions.inWords(nextWriters, 2, false);
    }

    /** What ERAS asks of the student: a mismatch to sort out, or a writer's report to check; none when both agree. */
    private static Optional<NextAction> erasAction(LetterFacts letter, LocalDate today) {
        String name = letter.attendingName();
        ErasReport.Status status = letter.eras().status(today);
        if (status.isMismatch()) {
            return Optional.of(new NextAction(Kind.ERAS_MISMATCH, 2, letter.eras().describe(name, today),
                    letter.rotationId(), letter.id()));
        }
        if (status == ErasReport.Status.WRITER_REPORTED) {
            return Optional.of(new NextAction(Kind.CONFIRM_IN_ERAS, 4, name
                    + " reports the letter uploaded: check that ERAS shows it as received", letter.rotationId(), letter.id()));
        }
        return Optional.empty();
    }

    private static NextAction reminderAction(LetterFacts letter, ReminderPolicy.Step step, LocalDate today) {
        long sinceKit = ChronoUnit.DAYS.between(letter.kitSentOn(), today);
        String when = step.dueOn().isAfter(today) ? "tomorrow" : "today";
        String message = step.action() == ReminderPolicy.Action.GIVE_UP
                ? "No upload from " + letter.attendingName() + " after two reminders: the letter will be marked not coming " + when
                : "No upload " + sinceKit + " days after the kit: a gentle reminder to " + letter.attendingName() + " goes out " + when;
        return new NextAction(Kind.REMINDER_COMING, 5, message, letter.rotationId(), letter.id());
    }

    private static void askActions(RotationFacts rotation, List<LetterFacts> letters, LocalDate today, AgencyRules rules,
                                   List<NextAction> actions) {
        boolean asked = letters.stream().anyMatch(l -> l.rotationId() == rotation.id() && l.state() != LetterState.PLANNED);
        if (asked || rotation.supervisors().isEmpty()) {
            return;
        }
        AskWindow window = AskWindow.of(rotation.startDate(), rotation.endDate(), today, rules);
        WriterSuggestions.Suggestion suggested = WriterSuggestions.forRotation(rotation, rules).get(0);
        WriterSuggestions.Candidate best = suggested.candidate();
        boolean redFlag = suggested.reasons().contains(WriterSuggestions.Reason.RED_FLAG);
        String what = "Your " + rotation.specialty().label().toLowerCase(Locale.ROOT) + " rotation at " + rotation.site();
        switch (window.phase()) {
            case IDEAL -> {
                long days = window.daysToEnd();
                String ends = days == 0 ? "ends today" : days == 1 ? "ends tomorrow" : "ends in " + days + " days";
                // Every supervisor here has a red flag when the best has one: the window is open, but not for them.
                actions.add(new NextAction(Kind.ASK_NOW, 2, what + " " + ends + (redFlag
                        ? ": the ideal time to ask, but your last feedback check with " + best.name() + " raised a red flag: do not force a letter from them"
                        : ": this is the ideal time to ask " + best.name()), rotation.id(), null));
            }
            case ACCEPTABLE -> {
                long closes = window.daysUntilWindowCloses();
                actions.add(new NextAction(Kind.ASK_BY_EMAIL, closes <= 7 ? 2 : 3, "Your rotation ended " + -window.daysToEnd()
                        + " days ago: the acceptable window closes in " + closes + (closes == 1 ? " day" : " days"), rotation.id(), null));
            }
            case LATE -> actions.add(new NextAction(Kind.ASK_BY_EMAIL, 6, "Your rotation ended " + -window.daysToEnd()
                    + " days ago: asking now is late but still worth it; name a specific date", rotation.id(), null));
            default -> {
                return;
            }
        }
        if (redFlag && window.phase() != AskWindow.Phase.IDEAL) {
            actions.add(new NextAction(Kind.VAGUE_LETTER_RISK, 4, "Your last feedback check with " + best.name()
                    + " raised a red flag: do not force a letter from them", rotation.id(), null));
        }
        if (ContactAdvice.forDays(best.contactDays(), rules) == ContactAdvice.LIKELY_VAGUE) {
            actions.add(new NextAction(Kind.VAGUE_LETTER_RISK, 4, "You worked with " + best.name() + " for " + best.contactDays()
                    + " days: a letter is likely to be vague", rotation.id(), null));
        }
    }
}
