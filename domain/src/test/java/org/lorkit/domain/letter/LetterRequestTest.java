package org.lorkit.domain.letter;

import static org.lorkit.domain.TestData.utc;
import org.lorkit.domain.agency.AgencyRules;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.lorkit.domain.TestData;
import org.lorkit.domain.attending.Attending;
import org.lorkit.domain.attending.AttendingTitle;
import org.lorkit.domain.rotation.Rotation;
import org.lorkit.domain.shared.DomainException;
import org.lorkit.domain.shared.Specialty;
import org.lorkit.domain.student.Student;

import java.time.Instant;
import java.time.LocalDate;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.catchThrowableOfType;
import static org.lorkit.domain.letter.LetterState.*;

class LetterRequestTest {
    private static final Instant CREATED = Instant.parse("2027-06-20T09:00:00Z");
    private static final Instant ASKED_AT = Instant.parse("2027-06-26T16:30:00Z");
    private static final Instant YES_AT = Instant.parse("2027-06-27T10:00:00Z");
    private static final Instant KIT_AT = Instant.parse("2027-06-27T18:00:00Z");
    private static final LocalDate KIT_DAY = LocalDate.of(2027, 6, 27);

    private Student student;
    private Attending attending;
    private Rotation rotation;

    @BeforeEach
    void setUp() {
        student = TestData.student();
        attending = TestData.imAttending();
        rotation = TestData.imRotation(student);
        rotation.addSupervisor(attending, 28);
    }

    private LetterRequest newRequest() {
        return new LetterRequest(student, attending, rotation, Specialty.INTERNAL_MEDICINE, CREATED);
    }

    private LetterRequest kitSentRequest() {
        LetterRequest request = newRequest();
        request.moveTo(ASKED, "student", null, utc(ASKED_AT));
        request.moveTo(STRONG_YES, "student", "\"happy to\"", utc(YES_AT));
        request.markKitSent(KIT_DAY.plusDays(28), "student", utc(KIT_AT));
        return request;
    }

    @Test
    void aNewRequestIsPlannedWithItsValue() {
        LetterRequest request = newRequest();

        assertThat(request.getState()).isEqualTo(PLANNED);
        assertThat(request.getStudent()).isSameAs(student);
        assertThat(request.getAttending()).isSameAs(attending);
        assertThat(request.getRotation()).isSameAs(rotation);
        assertThat(request.getSpecialty()).isEqualTo(Specialty.INTERNAL_MEDICINE);
        assertThat(request.getValue()).isEqualTo(LetterValue.US_ATTENDING_IN_FIELD);
        assertThat(request.getCreatedAt()).isEqualTo(CREATED);
        assertThat(request.getStateChangedAt()).isEqualTo(CREATED);
        assertThat(request.isOfferedUnprompted()).isFalse();
        assertThat(request.getRemindersSent()).isZero();
        assertThat(request.getAskedOn()).isNull();
        assertThat(request.getKitSentOn()).isNull();
        assertThat(request.getDeadline()).isNull();
    }

    @Test
    void aRequestRemembersEveryStateItsEventsTookItInto() {
        LetterRequest request = kitSentRequest();

        assertThat(request.hasReached(ASKED)).isTrue();
        assertThat(request.hasReached(STRONG_YES)).isTrue();
        assertThat(request.hasReached(LetterState.KIT_SENT)).isTrue();
        assertThat(request.hasReached(LetterState.CONFIRMED)).as("not yet confirmed").isFalse();
        LetterRequestEvent.created(request, "student", CREATED);
        assertThat(request.hasReached(PLANNED)).isTrue();
    }

    @Test
    void eachStateHasItsOwnStoredBit() {
        // The bits are stored in reached_states (V7): a state's bit is its position in the enum, never reused.
        assertThat(PLANNED.bit()).isEqualTo(1L);
        assertThat(LetterState.SUBMITTED.bit()).isEqualTo(1024L);
        assertThat(LetterState.WITHDRAWN.bit()).isEqualTo(2048L);
    }

    @Test
    void theValueDependsOnTheSpecialtyTheLetterSpeaksTo() {
        LetterRequest forPediatrics = new LetterRequest(student, attending, rotation, Specialty.PEDIATRICS, CREATED);

        assertThat(forPediatrics.getValue()).isEqualTo(LetterValue.US_ATTENDING_OTHER_CORE_FIELD);
    }

    @Test
    void theRotationMustBelongToTheStudent() {
        Student someoneElse = new Student(student.getCohort(), "Luis Ortega", "luis@example.org", null);

        DomainException e = catchThrowableOfType(DomainException.class,
                () -> new LetterRequest(someoneElse, attending, rotation, Specialty.INTERNAL_MEDICINE, CREATED));

        assertThat(e).isNotNull();
        assertThat(e.field()).isEqualTo("rotation");
    }

    @Test
    void theAttendingMustHaveSupervisedTheRotation() {
        Attending stranger = TestData.attending("Pat Kim", AttendingTitle.ATTENDING, Specialty.INTERNAL_MEDICINE, true);

        DomainException e = catchThrowableOfType(DomainException.class,
                () -> new LetterRequest(student, stranger, rotation, Specialty.INTERNAL_MEDICINE, CREATED));

        assertThat(e).isNotNull();
        assertThat(e.field()).isEqualTo("attending");
        assertThat(e.getMessage()).contains("Pat Kim");
    }

    @Test
    void missingPartsAreRefused() {
        assertThatThrownBy(() -> new LetterRequest(student, attending, rotation, null, CREATED))
                .isInstanceOf(DomainException.class)
                .extracting(e -> ((DomainException) e).field()).isEqualTo("specialty");
        assertThatThrownBy(() -> new LetterRequest(student, null, rotation, Specialty.INTERNAL_MEDICINE, CREATED))
                .isInstanceOf(DomainException.class)
                .extracting(e -> ((DomainException) e).field()).isEqualTo("attending");
    }

    @Test
    void askingRecordsTheAskDate() {
        LetterRequest request = newRequest();

        request.moveTo(ASKED, "student", "asked in person", utc(ASKED_AT));

        assertThat(request.getState()).isEqualTo(ASKED);
        assertThat(request.getAskedOn()).isEqualTo(LocalDate.of(2027, 6, 26));
        assertThat(request.isOfferedUnprompted()).isFalse();
    }

    @Test
    void aStrongYesAfterAnAskIsNotUnprompted() {
        LetterRequest request = newRequest();
        request.moveTo(ASKED, "student", null, utc(ASKED_AT));

        request.moveTo(STRONG_YES, "student", "\"absolutely\"", utc(YES_AT));

        assertThat(request.isOfferedUnprompted()).isFalse();
        assertThat(request.getAskedOn()).isEqualTo(LocalDate.of(2027, 6, 26));
    }

    @Test
    void aLetterOfferedBeforeTheAskIsNoStrongYes() {
        LetterRequest request = newRequest();

        assertThatThrownBy(() -> request.moveTo(STRONG_YES, "student", "offered a strong letter on the last day", utc(YES_AT)))
                .isInstanceOf(IllegalLetterTransitionException.class);

        assertThat(request.getState()).isEqualTo(PLANNED);
        assertThat(request.isOfferedUnprompted()).isFalse();
        assertThat(request.getAskedOn()).isNull();
    }

    @Test
    void markKitSentRecordsTheDayAndDeadline() {
        LetterRequest request = kitSentRequest();

        assertThat(request.getState()).isEqualTo(KIT_SENT);
        assertThat(request.getKitSentOn()).isEqualTo(KIT_DAY);
        assertThat(request.getDeadline()).isEqualTo(KIT_DAY.plusDays(28));
        assertThat(request.getStateChangedAt()).isEqualTo(KIT_AT);
    }

    @Test
    void markKitSentReturnsAnEventNamingTheDeadline() {
        LetterRequest request = newRequest();
        request.moveTo(ASKED, "student", null, utc(ASKED_AT));
        request.moveTo(STRONG_YES, "student", null, utc(YES_AT));

        LetterRequestEvent event = request.markKitSent(LocalDate.of(2027, 7, 20), "student:amina", utc(KIT_AT));

        assertThat(event.getFromState()).isEqualTo(STRONG_YES);
        assertThat(event.getToState()).isEqualTo(KIT_SENT);
        assertThat(event.getActor()).isEqualTo("student:amina");
        assertThat(event.getReason()).isEqualTo("kit sent, deadline 20 Jul 2027");
        assertThat(event.getOccurredAt()).isEqualTo(KIT_AT);
    }

    @Test
    void aDeadlineOfTodayIsAccepted() {
        LetterRequest request = newRequest();
        request.moveTo(ASKED, "student", null, utc(ASKED_AT));
        request.moveTo(STRONG_YES, "student", null, utc(YES_AT));

        request.markKitSent(KIT_DAY, "student", utc(KIT_AT));

        assertThat(request.getDeadline()).isEqualTo(KIT_DAY);
    }

    @Test
    void aDeadlineBeforeTodayIsRefusedAndTheRequestStaysAtStrongYes() {
        LetterRequest request = newRequest();
        request.moveTo(ASKED, "student", null, utc(ASKED_AT));
        request.moveTo(STRONG_YES, "student", null, utc(YES_AT));

        DomainException e = catchThrowableOfType(DomainException.class,
                () -> request.markKitSent(KIT_DAY.minusDays(1), "student", utc(KIT_AT)));

        assertThat(e).isNotNull();
        assertThat(e.field()).isEqualTo("deadline");
        assertThat(request.getState()).isEqualTo(STRONG_YES);
        assertThat(request.getKitSentOn()).isNull();
        assertThat(request.getDeadline()).isNull();
        assertThat(request.getStateChangedAt()).isEqualTo(YES_AT);
    }

    @Test
    void markKitSentBeforeAYesIsRefusedAndRecordsNothing() {
        LetterRequest request = newRequest();
        request.moveTo(ASKED, "student", null, utc(ASKED_AT));

        assertThatThrownBy(() -> request.markKitSent(KIT_DAY.plusDays(28), "student", utc(KIT_AT)))
                .isInstanceOf(IllegalLetterTransitionException.class);
        assertThat(request.getState()).isEqualTo(ASKED);
        assertThat(request.getKitSentOn()).isNull();
        assertThat(request.getDeadline()).isNull();
    }

    @Test
    void remindersIncrementTheCountAndRecordTheDay() {
        LetterRequest request = kitSentRequest();
        request.moveTo(CONFIRMED, "attending", "confirmed by link", utc(KIT_AT.plusSeconds(3600)));

        request.moveTo(REMINDED_1, "system", null, utc(Instant.parse("2027-07-11T08:00:00Z")));

        assertThat(request.getRemindersSent()).isEqualTo(1);
        assertThat(request.getLastReminderOn()).isEqualTo(LocalDate.of(2027, 7, 11));

        request.moveTo(REMINDED_2, "system", null, utc(Instant.parse("2027-07-21T08:00:00Z")));

        assertThat(request.getRemindersSent()).isEqualTo(2);
        assertThat(request.getLastReminderOn()).isEqualTo(LocalDate.of(2027, 7, 21));
    }

    @Test
    void aReminderMayGoOutBeforeTheAttendingConfirmed() {
        LetterRequest request = kitSentRequest();

        request.moveTo(REMINDED_1, "system", null, utc(Instant.parse("2027-07-11T08:00:00Z")));

        assertThat(request.getRemindersSent()).isEqualTo(1);
    }

    @Test
    void aReminderClearsTheRemindOnDateTheAttendingPicked() {
        LetterRequest request = kitSentRequest();
        request.remindOn(LocalDate.of(2027, 7, 15));
        assertThat(request.getRemindOn()).isEqualTo(LocalDate.of(2027, 7, 15));

        request.moveTo(REMINDED_1, "system", null, utc(Instant.parse("2027-07-15T08:00:00Z")));

        assertThat(request.getRemindOn()).isNull();
    }

    @Test
    void remindOnAppliesOnlyWhileTheLetterIsAwaited() {
        LetterRequest request = newRequest();

        assertThatThrownBy(() -> request.remindOn(LocalDate.of(2027, 7, 15)))
                .isInstanceOf(DomainException.class)
                .extracting(e -> ((DomainException) e).field()).isEqualTo("remindOn");
    }

    @Test
    void eventsCarryFromToActorReasonAndTime() {
        LetterRequest request = newRequest();

        LetterRequestEvent event = request.moveTo(ASKED, "  student:amina  ", "  asked in person on the last day ", utc(ASKED_AT));

        assertThat(event.getRequest()).isSameAs(request);
        assertThat(event.getFromState()).isEqualTo(PLANNED);
        assertThat(event.getToState()).isEqualTo(ASKED);
        assertThat(event.getActor()).isEqualTo("student:amina");
        assertThat(event.getReason()).isEqualTo("asked in person on the last day");
        assertThat(event.getOccurredAt()).isEqualTo(ASKED_AT);
    }

    @Test
    void aBlankReasonIsStoredAsNone() {
        LetterRequestEvent event = newRequest().moveTo(ASKED, "student", "   ", utc(ASKED_AT));

        assertThat(event.getReason()).isNull();
    }

    @Test
    void theCreatedEventStartsTheTrailAtPlanned() {
        LetterRequest request = newRequest();

        LetterRequestEvent created = LetterRequestEvent.created(request, "staff:joan", CREATED);

        assertThat(created.getFromState()).isNull();
        assertThat(created.getToState()).isEqualTo(PLANNED);
        assertThat(created.getActor()).isEqualTo("staff:joan");
        assertThat(created.getOccurredAt()).isEqualTo(CREATED);
    }

    @Test
    void theKitDayIsTheDateOnTheAgencysCalendar() {
        LetterRequest request = newRequest();
        request.moveTo(ASKED, "student", null, utc(ASKED_AT));
        request.moveTo(STRONG_YES, "student", null, utc(YES_AT));

        request.markKitSent(LocalDate.of(2027, 7, 25), "student", utc(Instant.parse("2027-06-27T23:59:59Z")));

        assertThat(request.getKitSentOn()).as("in a UTC agency").isEqualTo(KIT_DAY);
    }

    @Test
    void datesFollowTheAgencysTimeZoneNotUtcs() {
        Instant lateEveningUtc = Instant.parse("2027-06-27T23:30:00Z");
        LetterRequest kolkata = newRequest();
        kolkata.moveTo(ASKED, "student", null, lateEveningUtc.atZone(java.time.ZoneId.of("Asia/Kolkata")));
        LetterRequest losAngeles = newRequest();
        losAngeles.moveTo(ASKED, "student", null, lateEveningUtc.atZone(java.time.ZoneId.of("America/Los_Angeles")));

        assertThat(kolkata.getAskedOn()).as("05:00 on the 28th in Kolkata").isEqualTo(LocalDate.of(2027, 6, 28));
        assertThat(losAngeles.getAskedOn()).as("16:30 on the 27th in Los Angeles").isEqualTo(LocalDate.of(2027, 6, 27));
    }

    @Test
    void aBareMoveToKitSentIsRefusedSoEveryKitHasADateAndADeadline() {
        LetterRequest request = newRequest();
        request.moveTo(ASKED, "student", null, utc(ASKED_AT));
        request.moveTo(STRONG_YES, "student", null, utc(YES_AT));

        assertThatThrownBy(() -> request.moveTo(KIT_SENT, "student", null, utc(KIT_AT)))
                .isInstanceOf(DomainException.class).hasMessageContaining("markKitSent");
        assertThat(request.getState()).isEqualTo(STRONG_YES);

        request.markKitSent(LocalDate.of(2027, 7, 25), "student", utc(KIT_AT));
        assertThat(ReminderPolicy.DEFAULT.nextStep(request)).isPresent();
    }

    /** What the goal meter makes of this one letter. */
    private static LetterGoal goalOf(LetterRequest request) {
        return LetterGoal.assess(java.util.List.of(new LetterGoal.Letter(request.getValue(), request.getSpecialty(), request.getState())),
                java.util.Set.of(Specialty.INTERNAL_MEDICINE));
    }

    @Test
    void theWritersUploadReportIsRecordedOnceAndLeavesTheLetterAwaitedUntilErasShowsIt() {
        LetterRequest request = kitSentRequest();
        Instant reported = Instant.parse("2027-07-10T08:00:00Z");

        assertThat(request.reportWriterUpload("attending-link", utc(reported))).hasValueSatisfying(e -> {
            assertThat(e.getFromState()).isEqualTo(KIT_SENT);
            assertThat(e.getToState()).isEqualTo(KIT_SENT);
            assertThat(e.getReason()).isEqualTo("the writer reports the letter uploaded to ERAS; it counts once ERAS shows it as received");
        });
        assertThat(request.reportWriterUpload("attending-link", utc(reported.plusSeconds(60)))).isEmpty();
        assertThat(request.getErasReport()).isEqualTo(new ErasReport(LocalDate.of(2027, 7, 10), null));
        assertThat(request.getState()).as("reported by the writer, not received").isEqualTo(KIT_SENT);
        assertThat(request.isReportedUploadedByWriter()).isTrue();
        assertThat(request.getStateChangedAt()).isEqualTo(KIT_AT);
        assertThat(goalOf(request).securedUsClinical()).isZero();
        assertThat(goalOf(request).pendingUsClinical()).as("still on its way").isEqualTo(1);
    }

    @Test
    void theWritersUploadReportStopsTheReminders() {
        LetterRequest request = kitSentRequest();
        request.moveTo(REMINDED_1, "LorKit reminders", null, utc(Instant.parse("2027-07-11T08:00:00Z")));
        assertThat(ReminderPolicy.DEFAULT.nextStep(request)).isPresent();

        request.reportWriterUpload("attending-link", utc(Instant.parse("2027-07-12T08:00:00Z")));

        assertThat(ReminderPolicy.DEFAULT.nextStep(request)).as("no second reminder, no giving up").isEmpty();
        assertThat(request.getState()).isEqualTo(REMINDED_1);
    }

    @Test
    void onlyTheStudentSeeingItInErasCountsTheLetterAsReceived() {
        LetterRequest request = kitSentRequest();
        request.reportWriterUpload("attending-link", utc(Instant.parse("2027-07-10T08:00:00Z")));

        assertThat(request.reportReceivedInEras("student", utc(Instant.parse("2027-07-20T08:00:00Z"))))
                .hasValueSatisfying(e -> {
                    assertThat(e.getFromState()).isEqualTo(KIT_SENT);
                    assertThat(e.getToState()).isEqualTo(SUBMITTED);
                });
        assertThat(request.getState()).isEqualTo(SUBMITTED);
        assertThat(goalOf(request).securedUsClinical()).isEqualTo(1);
        assertThat(request.getErasReport().status(LocalDate.of(2027, 7, 30))).isEqualTo(ErasReport.Status.CONFIRMED);
        assertThat(request.getErasReport().isMismatch(LocalDate.of(2027, 7, 30))).isFalse();
    }

    @Test
    void theWritersReportThatErasDoesNotShowIsFlaggedOnTheThirdDayAsBefore() {
        LetterRequest request = kitSentRequest();
        request.reportWriterUpload("attending-link", utc(Instant.parse("2027-07-10T08:00:00Z")));

        assertThat(request.getErasReport().status(LocalDate.of(2027, 7, 12))).isEqualTo(ErasReport.Status.WRITER_REPORTED);
        assertThat(request.getErasReport().status(LocalDate.of(2027, 7, 13))).isEqualTo(ErasReport.Status.MISMATCH_NOT_IN_ERAS);
    }

    @Test
    void aWritersReportAfterErasShowedTheLetterIsRecordedWithoutAChange() {
        LetterRequest request = kitSentRequest();
        request.reportReceivedInEras("student", utc(Instant.parse("2027-07-10T08:00:00Z")));

        assertThat(request.reportWriterUpload("attending-link", utc(Instant.parse("2027-07-11T08:00:00Z"))))
                .hasValueSatisfying(e -> assertThat(e.getToState()).isEqualTo(SUBMITTED));
        assertThat(request.getErasReport().status(LocalDate.of(2027, 7, 30))).isEqualTo(ErasReport.Status.CONFIRMED);
    }

    @Test
    void takingBackUploadedWithinTheWindowBringsTheRemindersBack() {
        LetterRequest request = kitSentRequest();
        Instant uploaded = KIT_AT.plusSeconds(60);
        request.uploadedByWriter("attending", utc(uploaded));
        assertThat(ReminderPolicy.DEFAULT.nextStep(request)).isEmpty();

        assertThat(request.undoWriterAnswer("attending", uploaded.plusSeconds(60))).isPresent();

        assertThat(request.getState()).isEqualTo(KIT_SENT);
        assertThat(request.getErasReport()).isEqualTo(ErasReport.NONE);
        assertThat(request.getStateChangedAt()).as("the state never changed").isEqualTo(KIT_AT);
        assertThat(ReminderPolicy.DEFAULT.nextStep(request)).isPresent();
    }

    @Test
    void theStudentSaysBeforeTheKitGoesOutWhetherTheWriterIsEnteredInEras() {
        LetterRequest request = newRequest();
        request.moveTo(ASKED, "student", null, utc(ASKED_AT));
        request.moveTo(STRONG_YES, "student", null, utc(YES_AT));
        assertThat(request.isWriterInEras()).isFalse();

        assertThat(request.confirmWriterInEras(true, "student", YES_AT.plusSeconds(60))).hasValueSatisfying(e -> {
            assertThat(e.getToState()).isEqualTo(STRONG_YES);
            assertThat(e.getReason()).isEqualTo("the student has entered Dana Lee in ERAS as a letter writer");
        });
        assertThat(request.confirmWriterInEras(true, "student", YES_AT.plusSeconds(120))).as("said again: nothing new").isEmpty();
        assertThat(request.isWriterInEras()).isTrue();

        request.prepareKit(null, null, null, Specialty.INTERNAL_MEDICINE, false, KIT_DAY.plusDays(25), null, "student", utc(KIT_AT), AgencyRules.DEFAULTS);
        assertThat(request.isWriterInEras()).as("saving the kit details keeps it").isTrue();
        request.markKitSent(KIT_DAY.plusDays(25), "student", utc(KIT_AT));
        assertThat(request.isWriterInEras()).isTrue();
        assertThatThrownBy(() -> request.confirmWriterInEras(false, "student", KIT_AT.plusSeconds(60)))
                .isInstanceOf(DomainException.class).hasMessageContaining("cannot change now that this request is kit sent");
    }

    @Test
    void thePersonalParagraphIsKeptWithTheKitUntilItGoesOut() {
        LetterRequest request = newRequest();
        request.moveTo(ASKED, "student", null, utc(ASKED_AT));
        request.moveTo(STRONG_YES, "student", null, utc(YES_AT));

        request.writePersonalParagraph("  Your teaching on rounds made me want to be an internist.\r\nThank you.  ");
        assertThat(request.getPersonalParagraph()).isEqualTo("Your teaching on rounds made me want to be an internist.\nThank you.");
        request.prepareKit(null, null, null, Specialty.INTERNAL_MEDICINE, false, KIT_DAY.plusDays(25), null, "student", utc(KIT_AT), AgencyRules.DEFAULTS);
        request.markKitSent(KIT_DAY.plusDays(25), "student", utc(KIT_AT));

        assertThat(request.getPersonalParagraph()).startsWith("Your teaching on rounds");
        assertThatThrownBy(() -> request.writePersonalParagraph("Another one"))
                .isInstanceOf(DomainException.class).extracting(e -> ((DomainException) e).field()).isEqualTo("state");
        assertThat(request.getPersonalParagraph()).startsWith("Your teaching on rounds");
    }

    @Test
    void aLetterCannotBeReportedUploadedBeforeTheKitWentOut() {
        LetterRequest request = newRequest();

        assertThatThrownBy(() -> request.reportReceivedInEras("student", utc(ASKED_AT)))
                .isInstanceOf(DomainException.class).hasMessageContaining("once the kit has gone out; this request is planned");
        assertThat(request.getErasReport()).isEqualTo(ErasReport.NONE);
    }

    @Test
    void preparingTheKitChangesTheLettersSpecialtyAndItsValue() {
        LetterRequest request = newRequest();
        request.moveTo(ASKED, "student", null, utc(ASKED_AT));
        request.moveTo(STRONG_YES, "student", "offered", utc(YES_AT));
        int before = request.getValue().rank();

        request.prepareKit(null, null, "LID-1234", Specialty.GENERAL_SURGERY, false, KIT_DAY.plusDays(21), null, "student", utc(KIT_AT), AgencyRules.DEFAULTS);

        assertThat(request.getSpecialty()).isEqualTo(Specialty.GENERAL_SURGERY);
        assertThat(request.getValue().rank()).isGreaterThan(before);
        assertThat(request.getDeadline()).isEqualTo(KIT_DAY.plusDays(21));
        assertThat(request.getErasLetterId()).isEqualTo("LID-1234");
    }

    @Test
    void aRefusedKitChangesNothing() {
        LetterRequest request = newRequest();
        request.moveTo(ASKED, "student", null, utc(ASKED_AT));
        request.moveTo(STRONG_YES, "student", "offered", utc(YES_AT));

        DomainException refused = catchThrowableOfType(DomainException.class, () -> request.prepareKit(null, null, "LID 12!",
                Specialty.GENERAL_SURGERY, true, KIT_DAY.plusDays(21), null, "student", utc(KIT_AT), AgencyRules.DEFAULTS));

        assertThat(refused.field()).isEqualTo("erasLetterId");
        assertThat(request.getSpecialty()).isEqualTo(Specialty.INTERNAL_MEDICINE);
        assertThat(request.isGeneralLetter()).isFalse();
        assertThat(request.getDeadline()).isNull();
    }

    @Test
    void anUndoAfterTheStudentWithdrewLeavesTheRequestWithdrawn() {
        LetterRequest request = kitSentRequest();
        Instant confirmed = KIT_AT.plusSeconds(60);
        request.confirmByWriter("attending", utc(confirmed));
        request.moveTo(WITHDRAWN, "student", "withdrawn by the student", utc(confirmed.plusSeconds(60)));

        assertThat(request.canUndo(confirmed.plusSeconds(120))).as("the withdrawal ended the writer's undo").isFalse();
        assertThat(request.undoWriterAnswer("attending", confirmed.plusSeconds(120))).isEmpty();
        assertThat(request.getState()).isEqualTo(WITHDRAWN);
    }

    @Test
    void anUndoOfADeclineWithinTheWindowStillWorks() {
        LetterRequest request = kitSentRequest();
        Instant declined = KIT_AT.plusSeconds(60);
        request.declineByWriter("busy", "attending", utc(declined));

        assertThat(request.undoWriterAnswer("attending", declined.plusSeconds(60))).isPresent();
        assertThat(request.getState()).isEqualTo(KIT_SENT);
        assertThat(request.getDeclineNote()).isNull();
    }

    @Test
    void aReminderAfterTheWritersAnswerEndsTheUndo() {
        LetterRequest request = kitSentRequest();
        Instant uploaded = KIT_AT.plusSeconds(60);
        request.confirmByWriter("attending", utc(uploaded));
        request.moveTo(REMINDED_1, "system", "reminder", utc(uploaded.plusSeconds(60)));

        assertThat(request.undoWriterAnswer("attending", uploaded.plusSeconds(120))).isEmpty();
        assertThat(request.getState()).isEqualTo(REMINDED_1);
    }

    @Test
    void aStudentsCorrectionOfTheWritersAddressAppliesToThisRequestOnly() {
        LetterRequest mine = kitSentRequest();
        LetterRequest classmates = kitSentRequest();
        String directory = attending.getEmail();

        LetterRequestEvent event = mine.correctWriterEmail("Dr.Patel@Hospital.example", "student", KIT_AT.plusSeconds(60));

        assertThat(mine.getWriterEmail()).isEqualTo("dr.patel@hospital.example");
        assertThat(event.getReason()).contains("dr.patel@hospital.example");
        assertThat(event.getToState()).isEqualTo(KIT_SENT);
        assertThat(attending.getEmail()).as("the directory is not the student's to change").isEqualTo(directory);
        assertThat(classmates.getWriterEmail()).isEqualTo(directory);
        assertThatThrownBy(() -> mine.correctWriterEmail("not an address", "student", KIT_AT)).isInstanceOf(DomainException.class);
    }

    @Test
    void staffChangingTheDirectoryAddressIsRecordedAndFollowedByRequestsWithoutTheirOwn() {
        LetterRequest request = kitSentRequest();
        String before = attending.getEmail();

        var change = attending.changeEmail("new.address@hospital.example", "staff@agency.example", KIT_AT).orElseThrow();

        assertThat(change.getOldEmail()).isEqualTo(before);
        assertThat(change.getNewEmail()).isEqualTo("new.address@hospital.example");
        assertThat(change.getChangedBy()).isEqualTo("staff@agency.example");
        assertThat(request.getWriterEmail()).isEqualTo("new.address@hospital.example");
        assertThat(attending.changeEmail("new.address@hospital.example", "staff", KIT_AT)).as("no change, no record").isEmpty();
    }

    /** What EclipseLink does to a row whose columns of an embedded value are all empty: the value reads as null. */
    private static void loadedWithoutEmbeddedValues(LetterRequest request) throws ReflectiveOperationException {
        for (String field : new String[]{"kit", "eras", "undo"}) {
            java.lang.reflect.Field embedded = LetterRequest.class.getDeclaredField(field);
            embedded.setAccessible(true);
            embedded.set(request, null);
        }
    }

    @Test
    void aRequestLoadedWithEmptyEmbeddedColumnsReadsAsNothingChosenOrReported() throws ReflectiveOperationException {
        LetterRequest request = newRequest();
        loadedWithoutEmbeddedValues(request);

        assertThat(request.getDeadline()).isNull();
        assertThat(request.getCvDocumentId()).isNull();
        assertThat(request.getStatementDocumentId()).isNull();
        assertThat(request.getErasLetterId()).isNull();
        assertThat(request.isGeneralLetter()).isFalse();
        assertThat(request.getKitChoice()).isEqualTo(KitChoice.NONE);
        assertThat(request.getErasReport()).isEqualTo(ErasReport.NONE);
        assertThat(request.canUndo(KIT_AT)).isFalse();
        assertThat(request.getUndoableAnswer(KIT_AT)).isNull();
        assertThat(request.undoWriterAnswer("writer", KIT_AT)).isEmpty();
    }

    @Test
    void aRequestLoadedWithEmptyEmbeddedColumnsGoesOnAsUsual() throws ReflectiveOperationException {
        LetterRequest request = newRequest();
        request.moveTo(ASKED, "student", null, utc(ASKED_AT));
        request.moveTo(STRONG_YES, "student", null, utc(YES_AT));
        loadedWithoutEmbeddedValues(request);

        request.markKitSent(KIT_DAY.plusDays(28), "student", utc(KIT_AT));
        assertThat(request.getDeadline()).isEqualTo(KIT_DAY.plusDays(28));
        loadedWithoutEmbeddedValues(request);
        request.moveTo(REMINDED_1, "LorKit", null, utc(KIT_AT.plusSeconds(60)));
        assertThat(request.uploadedByWriter("writer", utc(KIT_AT.plusSeconds(120)))).isPresent();
        assertThat(request.getErasReport().writerReportedOn()).isEqualTo(KIT_DAY);
        assertThat(request.getUndoableAnswer(KIT_AT.plusSeconds(180))).isEqualTo(LetterRequest.WriterAnswer.UPLOADED);
        assertThat(request.undoWriterAnswer("writer", KIT_AT.plusSeconds(180))).isPresent();
        assertThat(request.getState()).isEqualTo(REMINDED_1);
        assertThat(request.getErasReport()).isEqualTo(ErasReport.NONE);
        assertThat(request.reportReceivedInEras("student", utc(KIT_AT.plusSeconds(240)))).isPresent();
        assertThat(request.getErasReport().receivedOn()).isEqualTo(KIT_DAY);
    }

    @Test
    void preparingTheKitKeepsTheChoiceAndMarkingItSentKeepsItWithTheFinalDeadline() {
        LetterRequest request = newRequest();
        request.moveTo(ASKED, "student", null, utc(ASKED_AT));
        request.moveTo(STRONG_YES, "student", null, utc(YES_AT));
        request.prepareKit(11L, 12L, "AB-1234", Specialty.INTERNAL_MEDICINE, true, KIT_DAY.plusDays(25), null, "student", utc(KIT_AT), AgencyRules.DEFAULTS);
        assertThat(request.getKitChoice()).isEqualTo(new KitChoice(11L, 12L, "AB-1234", true, KIT_DAY.plusDays(25)));

        request.markKitSent(KIT_DAY.plusDays(28), "student", utc(KIT_AT));
        assertThat(request.getKitChoice()).isEqualTo(new KitChoice(11L, 12L, "AB-1234", true, KIT_DAY.plusDays(28)));
    }

    // A deadline that can move. The kit went out on 27 Jun 2027 with the deadline 25 Jul 2027; the cohort submits on
    // 15 Sep 2027, so six weeks from the day of the change limit a new deadline unless the student's own date comes first.

    private static final Instant CHANGED_AT = Instant.parse("2027-06-29T15:00:00Z");

    @Test
    void aSentKitsDeadlineMovesAndTheHistorySaysFromWhatToWhatAndWho() {
        LetterRequest request = kitSentRequest();

        LetterRequestEvent event = request.changeDeadline(LocalDate.of(2027, 8, 1), "student amina@example.org", utc(CHANGED_AT), AgencyRules.DEFAULTS).orElseThrow();

        assertThat(request.getDeadline()).isEqualTo(LocalDate.of(2027, 8, 1));
        assertThat(request.getState()).isEqualTo(KIT_SENT);
        assertThat(event.getReason()).isEqualTo("deadline moved from 25 Jul 2027 to 1 Aug 2027");
        assertThat(event.getActor()).isEqualTo("student amina@example.org");
        assertThat(event.getFromState()).isEqualTo(KIT_SENT);
        assertThat(event.getToState()).isEqualTo(KIT_SENT);
        assertThat(event.getOccurredAt()).isEqualTo(CHANGED_AT);
        assertThat(request.getKitSentOn()).as("the kit day stays").isEqualTo(KIT_DAY);
    }

    @Test
    void theSameDeadlineAgainRecordsNothing() {
        LetterRequest request = kitSentRequest();

        assertThat(request.changeDeadline(KIT_DAY.plusDays(28), "student", utc(CHANGED_AT), AgencyRules.DEFAULTS)).isEmpty();
    }

    @Test
    void aNewDeadlineAfterTheStudentsOwnSubmitDateIsRefusedAndNothingChanges() {
        LetterRequest request = kitSentRequest();
        request.confirmByWriter("attending", utc(KIT_AT.plusSeconds(60)));
        student.planSubmission(LocalDate.of(2027, 7, 30), KIT_DAY);

        DomainException refused = catchThrowableOfType(DomainException.class,
                () -> request.changeDeadline(LocalDate.of(2027, 7, 31), "student", utc(CHANGED_AT), AgencyRules.DEFAULTS));

        assertThat(refused.field()).isEqualTo("deadline");
        assertThat(refused).hasMessage("That is after the planned ERAS submit date, 30 Jul 2027: choose 30 Jul 2027 or earlier");
        assertThat(request.getDeadline()).isEqualTo(KIT_DAY.plusDays(28));
        assertThat(request.getRemindOn()).isEqualTo(KIT_DAY.plusDays(28));
        request.changeDeadline(LocalDate.of(2027, 7, 30), "student", utc(CHANGED_AT), AgencyRules.DEFAULTS);
        assertThat(request.getDeadline()).isEqualTo(LocalDate.of(2027, 7, 30));
    }

    @Test
    void aNewDeadlineLeavesTheAttendingAtLeastAWeekAndStaysWithinSixWeeksOfTheChange() {
        LetterRequest request = kitSentRequest();

        assertThatThrownBy(() -> request.changeDeadline(LocalDate.of(2027, 7, 5), "student", utc(CHANGED_AT), AgencyRules.DEFAULTS))
                .hasMessage("Give the attending at least a week: choose 6 Jul 2027 or later");
        assertThatThrownBy(() -> request.changeDeadline(LocalDate.of(2027, 8, 11), "student", utc(CHANGED_AT), AgencyRules.DEFAULTS))
                .hasMessageStartingWith("Keep the deadline within six weeks, by 10 Aug 2027");
        assertThat(request.getDeadline()).isEqualTo(KIT_DAY.plusDays(28));
    }

    @Test
    void theDeadlineMovesOnlyOnceTheKitIsOutAndWhileTheLetterIsAwaited() {
        LetterRequest yes = newRequest();
        yes.moveTo(ASKED, "student", null, utc(ASKED_AT));
        yes.moveTo(STRONG_YES, "student", null, utc(YES_AT));
        assertThatThrownBy(() -> yes.changeDeadline(LocalDate.of(2027, 7, 20), "student", utc(CHANGED_AT), AgencyRules.DEFAULTS))
                .isInstanceOf(DomainException.class).hasMessage("The kit has not gone out yet: change the deadline in its kit details");

        LetterRequest uploaded = kitSentRequest();
        uploaded.reportReceivedInEras("student", utc(CHANGED_AT));
        assertThatThrownBy(() -> uploaded.changeDeadline(LocalDate.of(2027, 8, 1), "student", utc(CHANGED_AT), AgencyRules.DEFAULTS))
                .isInstanceOf(DomainException.class).hasMessage("The deadline can no longer change: this request is in ERAS");
    }

    @Test
    void aConfirmedWritersWaitForTheAgreedDeadlineMovesToTheNewDeadline() {
        LetterRequest request = kitSentRequest();
        request.confirmByWriter("attending", utc(KIT_AT.plusSeconds(60)));
        assertThat(request.getRemindOn()).isEqualTo(KIT_DAY.plusDays(28));

        request.changeDeadline(LocalDate.of(2027, 8, 6), "student", utc(CHANGED_AT), AgencyRules.DEFAULTS);

        assertThat(request.getRemindOn()).isEqualTo(LocalDate.of(2027, 8, 6));
        assertThat(ReminderPolicy.DEFAULT.nextStep(request)).contains(new ReminderPolicy.Step(ReminderPolicy.Action.FIRST_REMINDER,
                LocalDate.of(2027, 8, 6)));
    }

    @Test
    void aConfirmedWriterRemindedOnTheOldDeadlineWaitsForTheNewOneBeforeTheSecondReminder() {
        LetterRequest request = kitSentRequest();
        request.confirmByWriter("attending", utc(KIT_AT.plusSeconds(60)));
        request.moveTo(REMINDED_1, "LorKit reminders", null, utc(Instant.parse("2027-07-25T08:00:00Z")));
        assertThat(request.getRemindOn()).isNull();

        request.changeDeadline(LocalDate.of(2027, 8, 20), "student", utc(Instant.parse("2027-07-26T10:00:00Z")), AgencyRules.DEFAULTS);

        assertThat(ReminderPolicy.DEFAULT.nextStep(request)).contains(new ReminderPolicy.Step(ReminderPolicy.Action.SECOND_REMINDER,
                LocalDate.of(2027, 8, 20)));
    }

    @Test
    void aWriterWhoHasNotConfirmedIsStillRemindedTwoWeeksAfterTheKitWhateverTheNewDeadline() {
        LetterRequest request = kitSentRequest();

        request.changeDeadline(LocalDate.of(2027, 8, 6), "student", utc(CHANGED_AT), AgencyRules.DEFAULTS);

        assertThat(request.getRemindOn()).isNull();
        assertThat(ReminderPolicy.DEFAULT.nextStep(request)).contains(new ReminderPolicy.Step(ReminderPolicy.Action.FIRST_REMINDER,
                KIT_DAY.plusDays(14)));
    }

    @Test
    void aDayTheWriterPickedStaysWhenTheDeadlineMoves() {
        LetterRequest request = kitSentRequest();
        request.confirmByWriter("attending", utc(KIT_AT.plusSeconds(60)));
        request.remindOnByWriter(LocalDate.of(2027, 7, 10), "attending", utc(KIT_AT.plusSeconds(120)));

        request.changeDeadline(LocalDate.of(2027, 8, 6), "student", utc(CHANGED_AT), AgencyRules.DEFAULTS);

        assertThat(request.getRemindOn()).isEqualTo(LocalDate.of(2027, 7, 10));
    }

    @Test
    void theWriterMayPutOffTheReminderUpToSixtyDaysButNotPastTheStudentsSubmitDate() {
        LetterRequest request = kitSentRequest();
        Instant at = Instant.parse("2027-06-28T10:00:00Z");
        assertThat(request.latestRemindOn(LocalDate.of(2027, 6, 28))).as("60 days come before 15 Sep").isEqualTo(LocalDate.of(2027, 8, 27));

        student.planSubmission(LocalDate.of(2027, 7, 20), KIT_DAY);

        DomainException refused = catchThrowableOfType(DomainException.class,
                () -> request.remindOnByWriter(LocalDate.of(2027, 7, 21), "attending", utc(at)));
        assertThat(refused.field()).isEqualTo("remindOn");
        assertThat(refused).hasMessage("Choose a day between tomorrow and 20 Jul 2027, the day Amina Rahman plans to submit their application");
        assertThat(request.getRemindOn()).isNull();
        LetterRequestEvent event = request.remindOnByWriter(LocalDate.of(2027, 7, 20), "attending", utc(at));
        assertThat(request.getRemindOn()).isEqualTo(LocalDate.of(2027, 7, 20));
        assertThat(event.getReason()).isEqualTo("the writer asked to be reminded on 20 Jul 2027");
    }

    @Test
    void onceTheSubmitDateHasPassedTheWriterMayStillPutOffTheReminderForAWeek() {
        LetterRequest request = kitSentRequest();

        assertThat(request.latestRemindOn(LocalDate.of(2027, 9, 15))).as("on the submit date").isEqualTo(LocalDate.of(2027, 9, 22));
        assertThat(request.latestRemindOn(LocalDate.of(2027, 9, 14))).isEqualTo(LocalDate.of(2027, 9, 15));
    }

    @Test
    void preparingTheKitRecordsWhatChangedAndSavingTheSameAgainRecordsNothing() {
        LetterRequest request = newRequest();
        request.moveTo(ASKED, "student", null, utc(ASKED_AT));
        request.moveTo(STRONG_YES, "student", "offered", utc(YES_AT));

        LetterRequestEvent first = request.prepareKit(null, null, "LID-1234", Specialty.INTERNAL_MEDICINE, true, KIT_DAY.plusDays(21),
                null, "student amina@example.org", utc(KIT_AT), AgencyRules.DEFAULTS).orElseThrow();

        assertThat(first.getReason()).isEqualTo("kit details: deadline set to 18 Jul 2027; letter for internal medicine changed to general use; "
                + "ERAS Letter ID set to LID-1234");
        assertThat(first.getActor()).isEqualTo("student amina@example.org");
        assertThat(first.getToState()).isEqualTo(STRONG_YES);
        assertThat(request.prepareKit(null, null, "LID-1234", Specialty.INTERNAL_MEDICINE, true, KIT_DAY.plusDays(21),
                null, "student", utc(KIT_AT), AgencyRules.DEFAULTS)).isEmpty();

        LetterRequestEvent second = request.prepareKit(null, null, null, Specialty.GENERAL_SURGERY, false, KIT_DAY.plusDays(25),
                null, "staff@agency.example", utc(KIT_AT), AgencyRules.DEFAULTS).orElseThrow();
        assertThat(second.getReason()).isEqualTo("kit details: deadline moved from 18 Jul 2027 to 22 Jul 2027; "
                + "letter for general use changed to general surgery; ERAS Letter ID LID-1234 removed");
        assertThat(second.getActor()).isEqualTo("staff@agency.example");
    }
}
