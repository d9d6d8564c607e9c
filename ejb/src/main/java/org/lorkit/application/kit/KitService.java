package org.lorkit.application.kit;

import jakarta.annotation.Resource;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ejb.SessionContext;
import jakarta.ejb.Stateless;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import org.lorkit.application.Caller;
import org.lorkit.application.Roles;
import org.lorkit.application.TenantData;
import org.lorkit.domain.document.DocumentKind;
import org.lorkit.domain.document.StudentDocument;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import org.lorkit.domain.letter.DraftLetter;
import org.lorkit.domain.letter.KitChoice;
import org.lorkit.domain.letter.KitReadiness;
import org.lorkit.domain.letter.LetterSpecialtyWarning;
import org.lorkit.domain.shared.DomainException;
import org.lorkit.domain.shared.Specialty;
import org.lorkit.domain.letter.LetterRequest;
import org.lorkit.domain.rotation.Rotation;
import org.lorkit.domain.student.Student;

import java.io.Serializable;
import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/** The kit as the attending will see it, and the one-click combined PDF (cover, CV, personal statement). */
@Stateless
@RolesAllowed({Roles.STUDENT, Roles.AGENCY_STAFF, Roles.AGENCY_ADMIN})
public class KitService {

    @Inject
    org.lorkit.application.dashboard.StandingChanges standings;
    @Inject
    private TenantData tenant;
    @Inject
    private org.lorkit.application.letter.LetterHistory history;
    @Inject
    private Clock clock;
    @Resource
    private SessionContext session;
    @Inject
    private KitContents contents;
    @Inject
    private org.lorkit.application.mail.LetterMails mails;

    /** The kit's cover: every line, in order, as the attending reads it. */
    public record Kit(List<String> lines, boolean hasCv, boolean hasStatement, LocalDate deadline) implements Serializable {
    }

    /**
     * What the student chooses for one kit, what is still missing before it can go out, and the specialty warning;
     * and for the kit email, whether the writer is entered in ERAS (the question and why it matters, as the page
     * asks it), the student's own paragraph and phone.
     */
    public record Settings(long requestId, String attendingName, String erasAamcId, String erasLetterId, LocalDate deadline,
                           boolean deadlineChosen, String letterFor, List<Specialty> specialtyChoices, String specialtyWarning,
                           List<String> missing, boolean writerInEras, String erasEntryQuestion, String erasEntryWhy,
                           String personalParagraph, String phone) implements Serializable {
        public static final String GENERAL = "GENERAL";

        public boolean isReady() {
            return missing.isEmpty();
        }
    }

    /**
     * The kit email as the writer will get it, before it goes out: who it goes to, where replies go, and its subject
     * and text, the links in it shown as placeholders (no link exists before the email is sent).
     */
    public record Email(String to, String replyTo, String subject, String text) implements Serializable {
    }

    public Settings settings(long requestId) {
        EntityManager em = tenant.em();
        LetterRequest request = readable(em, requestId);
        Student student = request.getStudent();
        List<Specialty> choices = new ArrayList<>(student.getTargetSpecialties());
        if (!choices.contains(request.getRotation().getSpecialty())) {
            choices.add(request.getRotation().getSpecialty());
        }
        if (!choices.contains(request.getSpecialty())) {
            choices.add(request.getSpecialty());
        }
        String warning = LetterSpecialtyWarning.check(request.getSpecialty(), request.isGeneralLetter(), student.getTargetSpecialties(),
                request.getAttending().getFullName()).orElse(null);
        String writer = request.getAttending().getFullName();
        return new Settings(requestId, writer, student.getErasAamcId(), request.getErasLetterId(),
                contents.deadline(request), request.getDeadline() != null, request.isGeneralLetter() ? Settings.GENERAL : request.getSpecialty().name(),
                List.copyOf(choices), warning, readiness(em, request).missing(), request.isWriterInEras(),
                KitReadiness.erasEntryQuestion(writer), KitReadiness.ERAS_ENTRY_WHY, request.getPersonalParagraph(), student.getPhone());
    }

    /**
     * The student's answer to the kit's question "I have entered Dr. X in ERAS as a letter writer": the kit cannot
     * go out without it, since ERAS emails the writer the upload link only once the student has. Before the kit is
     * sent; the answer is kept in the request's history.
     */
    public Settings confirmWriterInEras(long requestId, boolean entered) {
        EntityManager em = tenant.em();
        LetterRequest request = readable(em, requestId);
        history.record(request.confirmWriterInEras(entered, org.lorkit.application.Actor.of(session), clock.instant()));
        em.flush();
        return settings(requestId);
    }

    /**
     * The student's part of the kit email, before it is sent: their own paragraph (optional, at most
     * {@value KitChoice#PERSONAL_PARAGRAPH_MAX} characters, kept with the request so the email sent carries it) and
     * the phone its signature carries (optional, kept on the student). All or nothing (a refusal rolls back). Returns
     * the email as it now reads.
     */
    public Email writeEmail(long requestId,
                            @Size(max = KitChoice.PERSONAL_PARAGRAPH_MAX + 200, message = "Your paragraph can be at most 1000 characters")
                            String personalParagraph,
                            @Size(max = 100, message = "A phone number has 7 to 15 digits") String phone) {
        EntityManager em = tenant.em();
        LetterRequest request = readable(em, requestId);
        request.getStudent().changePhone(phone);
        request.writePersonalParagraph(personalParagraph);
        em.flush();
        return email(request);
    }

    /** The kit email as it would go out now, its links shown as placeholders: what the student reads before sending. */
    public Email emailPreview(long requestId) {
        return email(readable(tenant.em(), requestId));
    }

    private Email email(LetterRequest request) {
        var words = mails.preview(org.lorkit.domain.outbox.MailKind.KIT, request);
        return new Email(request.getWriterEmail(), request.getStudent().getEmail(), words.subject(), words.text());
    }

    /**
     * Saves the kit details: the student's ERAS AAMC ID (8 digits, kept on the student), the optional ERAS
     * Letter ID, the deadline within its limits, and the letter's specialty or "general". The CV and statement
     * versions in the kit are the latest ones now. All or nothing: a refused field changes nothing.
     */
    public Settings prepare(long requestId,
                            @NotBlank(message = "Your ERAS AAMC ID is required") String erasAamcId,
                            String erasLetterId,
                            @NotNull(message = "A deadline is required") LocalDate deadline,
                            @NotBlank(message = "Choose the specialty the letter speaks to") String letterFor) {
        EntityManager em = tenant.em();
        LetterRequest request = readable(em, requestId);
        Student student = request.getStudent();
        boolean general = Settings.GENERAL.equals(letterFor);
        Specialty specialty = general ? request.getSpecialty() : Specialty.parse("letterFor", letterFor);
        student.recordErasIds(erasAamcId == null ? null : erasAamcId.strip(), student.getNrmpId());
        request.prepareKit(contents.latest(request, DocumentKind.CV).map(StudentDocument::getId).orElse(null),
                contents.latest(request, DocumentKind.PERSONAL_STATEMENT).map(StudentDocument::getId).orElse(null),
                erasLetterId, specialty, general, deadline, student.effectivePlannedSubmitOn(),
                org.lorkit.application.Actor.of(session), tenant.now(), tenant.agency().getRules()).ifPresent(history::record);
        standings.student(student.getId()); // the deadline may have changed without an entry of its own
        em.flush();
        return settings(requestId);
    }

    /** "My attending asked me to draft it": facts and the student's own bullets in letter form, marked as a draft. */
    public String draft(long requestId) {
        EntityManager em = tenant.em();
        LetterRequest request = readable(em, requestId);
        if (!request.getState().isStrongYesOrLater()) {
            throw new DomainException("state", "A draft is for an attending who agreed to write; this request is "
                    + org.lorkit.domain.shared.Labels.inSentence(request.getState()));
        }
        Rotation rotation = request.getRotation();
        return DraftLetter.write(new DraftLetter.Facts(request.getStudent().getFullName(), request.getAttending().getFullName(),
                rotation.getSpecialty().label().toLowerCase(Locale.ROOT), rotation.getSite(), rotation.getStartDate(),
                rotation.getEndDate(), KitContents.role(rotation), request.isGeneralLetter() ? "general use"
                : request.getSpecialty().label().toLowerCase(Locale.ROOT) + " residency", WorkLogService.bullets(em, rotation)));
    }


    /**
     * Sends the kit to the attending: the request becomes KIT_SENT with the saved deadline, and the kit
     * email is written to the outbox in the same transaction. Refused, changing nothing, while anything is missing.
     */
    public org.lorkit.application.letter.LetterRequestView send(long requestId) {
        EntityManager em = tenant.em();
        LetterRequest request = readable(em, requestId);
        readiness(em, request).requireReady();
        if (mails.isSuppressed(request.getWriterEmail())) {
            throw new DomainException("kit", request.getAttending().getFullName() + "'s mailbox reported your agency's email as spam, so "
                    + "LorKit sends nothing to " + request.getWriterEmail() + " until your agency's staff allow it again");
        }
        // Saved days ago, the deadline may since have come too near (or passed the student's submit date): the
        // attending gets what the rules allow today, or the student is asked to choose again.
        org.lorkit.domain.letter.KitDeadline.checkChosen(request.getDeadline(), tenant.today(),
                request.getStudent().effectivePlannedSubmitOn(), tenant.agency().getRules());
        history.record(request.markKitSent(request.getDeadline(), org.lorkit.application.Actor.of(session), tenant.now()));
        mails.enqueue(org.lorkit.domain.outbox.MailKind.KIT, request, clock.instant());
        em.flush();
        return org.lorkit.application.letter.LetterRequestView.of(request);
    }

    /**
     * A sent kit's deadline and the days a new one may fall on (a week to six weeks from today, never after the
     * student's planned submit date), for the "change deadline" form.
     *
     * @param id                the request
     * @param ownSubmitDate     whether the submit date is the student's own rather than the cohort's
     * @param changeable        whether the kit is out and the letter still awaited
     */
    public record DeadlineChoice(long id, String attendingName, LocalDate deadline, LocalDate earliest, LocalDate latest,
                                 LocalDate plannedSubmitOn, boolean ownSubmitDate, boolean bySubmitDate,
                                 boolean changeable, String limits) implements Serializable {
    }

    public DeadlineChoice deadlineChoice(long requestId) {
        LetterRequest request = readable(tenant.em(), requestId);
        Student student = request.getStudent();
        org.lorkit.domain.letter.KitDeadline.Window window = org.lorkit.domain.letter.KitDeadline.window(tenant.today(),
                student.effectivePlannedSubmitOn(), tenant.agency().getRules());
        return new DeadlineChoice(requestId, request.getAttending().getFullName(), request.getDeadline(), window.earliest(),
                window.latest(), student.effectivePlannedSubmitOn(), student.getPlannedSubmitOn() != null, window.bySubmitDate(),
                request.getState().isAwaitingUpload(), org.lorkit.domain.letter.KitDeadline.limitsInWords(tenant.agency().getRules()));
    }

    /**
     * Moves a sent kit's deadline (the attending asked for another date, or the plans changed), by the student or
     * staff: the history records who moved it from what to what, reminders follow it (LetterRequest#changeDeadline), and
     * the attending is told by a short email with the new date. The same date again changes and sends nothing.
     */
    public org.lorkit.application.letter.LetterRequestView changeDeadline(long requestId,
                                                                          @NotNull(message = "Choose the new deadline") LocalDate deadline) {
        EntityManager em = tenant.em();
        LetterRequest request = readable(em, requestId);
        request.changeDeadline(deadline, org.lorkit.application.Actor.of(session), tenant.now(), tenant.agency().getRules()).ifPresent(event -> {
            history.record(event);
            mails.enqueueLatest(org.lorkit.domain.outbox.MailKind.DEADLINE_CHANGED, request, clock.instant());
        });
        em.flush();
        return org.lorkit.application.letter.LetterRequestView.of(request);
    }

    public Kit preview(long requestId) {
        return contents.preview(readable(tenant.em(), requestId));
    }

    /** The combined kit PDF: the cover page with the summary, then the CV, then the personal statement. */
    public byte[] pdf(long requestId) {
        return contents.pdf(readable(tenant.em(), requestId));
    }

    private KitReadiness readiness(EntityManager em, LetterRequest request) {
        return new KitReadiness(contents.latest(request, DocumentKind.CV).isPresent(),
                contents.latest(request, DocumentKind.PERSONAL_STATEMENT).isPresent(),
                WorkLogService.bullets(em, request.getRotation()).size(), request.getStudent().getErasAamcId(), request.getDeadline(),
                request.getAttending().getFullName(), request.isWriterInEras());
    }

    private LetterRequest readable(EntityManager em, long requestId) {
        LetterRequest request = tenant.require(LetterRequest.class, requestId, "requestId");
        return Caller.ownedBy(session, request.getStudent(), request, LetterRequest.class, requestId, "requestId");
    }
}
