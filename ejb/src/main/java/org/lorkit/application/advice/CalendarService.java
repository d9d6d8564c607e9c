package org.lorkit.application.advice;

import jakarta.annotation.Resource;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ejb.SessionContext;
import jakarta.ejb.Stateless;
import jakarta.inject.Inject;
import org.lorkit.application.Roles;
import org.lorkit.application.TenantData;
import org.lorkit.domain.advice.AskWindowReminder;
import org.lorkit.domain.letter.LetterRequest;
import org.lorkit.domain.outbox.MailKind;
import org.lorkit.domain.rotation.Rotation;
import org.lorkit.domain.shared.DomainException;
import org.lorkit.domain.shared.FileNames;
import org.lorkit.domain.student.Student;
import org.lorkit.infrastructure.persistence.Finder;

import java.io.Serializable;
import java.util.List;

/**
 * The calling student's calendar downloads (.ics): a rotation's ask window, and a sent kit's deadline. Only their own:
 * another student's rotation or request reads as not found, in the same words as one that does not exist.
 */
@Stateless
@RolesAllowed(Roles.STUDENT)
public class CalendarService {
    @Inject
    private TenantData tenant;
    @Inject
    private WriterChoices writers;
    @Resource
    private SessionContext session;

    /** A calendar file to download; {@code id}: the rotation or the request it is about. */
    public record CalendarFile(long id, String fileName, String content) implements Serializable {
        public static final String CONTENT_TYPE = "text/calendar; charset=UTF-8";
    }

    /** The ideal window to ask of one of the student's rotations, naming whom to ask first: "ask-window-st-marys.ics". */
    public CalendarFile askWindow(long rotationId) {
        Student student = tenant.ownStudent(session);
        Rotation rotation = tenant.require(Rotation.class, rotationId, "rotationId");
        if (!rotation.getStudent().equals(student)) {
            throw Finder.notFound(Rotation.class, rotationId, "rotationId");
        }
        String writer = writers.writerToAsk(student, rotationId).map(AskWindowReminder::writerName).orElse(null);
        String title = rotation.getSpecialty().label() + " at " + rotation.getSite();
        return new CalendarFile(rotationId, FileNames.of("ask-window", rotation.getSite(), "ics"), StudentEvents.askWindow(rotationId, title,
                rotation.askWindow(tenant.today(), tenant.agency().getRules()), writer, tenant.now().toInstant()).toIcs());
    }

    /** The deadline of one of the student's sent kits: "letter-deadline-dr-anjali-patel.ics". */
    public CalendarFile kitDeadline(long requestId) {
        Student student = tenant.ownStudent(session);
        LetterRequest request = tenant.require(LetterRequest.class, requestId, "requestId");
        if (!request.getStudent().equals(student)) {
            throw Finder.notFound(LetterRequest.class, requestId, "requestId");
        }
        if (request.getKitSentOn() == null || request.getDeadline() == null) {
            throw new DomainException("requestId", "No kit deadline yet: the kit to " + request.getAttending().getFullName() + " has not gone out");
        }
        // Each kit email and each moved deadline sent the deadline once more: the event's versions so far.
        long issued = tenant.em().createNamedQuery("OutboxEmail.countOfKinds", Long.class).setParameter("request", requestId)
                .setParameter("kinds", List.of(MailKind.KIT.name(), MailKind.DEADLINE_CHANGED.name())).getSingleResult();
        String writer = request.getAttending().getFullName();
        return new CalendarFile(requestId, FileNames.of("letter-deadline", writer, "ics"), StudentEvents.kitDeadline(requestId, writer,
                request.getDeadline(), (int) Math.max(0, issued - 1), tenant.now().toInstant()).toIcs());
    }
}
