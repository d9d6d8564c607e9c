package org.lorkit.application.link;

import jakarta.annotation.Resource;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ejb.SessionContext;
import jakarta.ejb.Stateless;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import org.lorkit.application.TenantData;
import org.lorkit.application.Caller;
import org.lorkit.application.Roles;
import org.lorkit.application.mail.LetterMails;
import org.lorkit.domain.letter.LetterRequest;
import org.lorkit.domain.link.AttendingLink;
import org.lorkit.domain.outbox.MailKind;

import java.time.Clock;
import java.time.Instant;
import java.util.List;

/**
 * The student's and staff's side of the attending links of a request: taking them back, sending fresh ones, and
 * correcting the address they go to. Signed-in callers only, each for requests they own (the attending's side,
 * reached by a link's token, is {@link AttendingLinkService}).
 */
@Stateless
public class LinkManagementService {
    @Inject
    org.lorkit.application.dashboard.StandingChanges standings;
    @Inject
    TenantData tenant;
    @Inject
    org.lorkit.application.letter.LetterHistory history;
    @Inject
    LetterMails mails;
    @Inject
    org.lorkit.application.attending.AttendingService attendings;
    @Inject
    Clock clock;
    @Resource
    SessionContext session;

    /** The student or staff take back every link of a request; a fresh one can be sent afterwards. */
    @RolesAllowed({Roles.STUDENT, Roles.AGENCY_STAFF, Roles.AGENCY_ADMIN})
    public int revokeLinks(long requestId) {
        EntityManager em = tenant.em();
        LetterRequest request = tenant.require(LetterRequest.class, requestId, "requestId");
        Caller.ownedBy(session, request.getStudent(), request, LetterRequest.class, requestId, "requestId");
        List<AttendingLink> links = em.createNamedQuery("AttendingLink.findByRequest", AttendingLink.class)
                .setParameter("request", request).getResultList();
        Instant now = clock.instant();
        links.forEach(l -> l.revoke(now));
        return links.size();
    }

    /**
     * The student or staff send the attending fresh links (after a bounce corrected, or a lost email): the old
     * links stop working and the new ones go to the address on file. At most once a day.
     */
    @RolesAllowed({Roles.STUDENT, Roles.AGENCY_STAFF, Roles.AGENCY_ADMIN})
    public boolean resendLinks(long requestId) {
        EntityManager em = tenant.em();
        LetterRequest request = tenant.require(LetterRequest.class, requestId, "requestId");
        Caller.ownedBy(session, request.getStudent(), request, LetterRequest.class, requestId, "requestId");
        if (!request.getState().isAwaitingUpload()) {
            throw new org.lorkit.domain.shared.DomainException("state", "Fresh links are for a kit that is with the attending");
        }
        if (mails.isSuppressed(request.getWriterEmail())) {
            throw new org.lorkit.domain.shared.DomainException("email", request.getAttending().getFullName()
                    + "'s mailbox reported the agency's email as spam: staff must allow mail to " + request.getWriterEmail() + " again first");
        }
        Instant now = clock.instant();
        em.createNamedQuery("AttendingLink.findByRequest", AttendingLink.class).setParameter("request", request)
                .getResultList().forEach(l -> l.revoke(now));
        request.clearMailProblem();
        standings.student(request.getStudent().getId()); // no longer a bounced kit email
        return mails.enqueue(MailKind.FRESH_LINK, request, now);
    }

    /**
     * After a bounce: fresh links go to the corrected address. A student's correction applies to their own request
     * only (the directory is shared by every student of the agency, and a student who could change it would receive
     * other students' kits); staff correct the directory entry itself, with the change recorded.
     */
    @RolesAllowed({Roles.STUDENT, Roles.AGENCY_STAFF, Roles.AGENCY_ADMIN})
    public boolean correctAddressAndResend(long requestId,
                                           @jakarta.validation.constraints.NotBlank(message = "The corrected address is required")
                                           @jakarta.validation.constraints.Email(message = "This is not a valid email address") String email) {
        EntityManager em = tenant.em();
        LetterRequest request = tenant.require(LetterRequest.class, requestId, "requestId");
        Caller.ownedBy(session, request.getStudent(), request, LetterRequest.class, requestId, "requestId");
        if (!request.isAddressCorrectable()) {
            throw new org.lorkit.domain.shared.DomainException("email", request.getWriterMailProblem() == org.lorkit.domain.letter.MailProblem.COMPLAINED
                    ? "The writer reported the agency's mail as spam: only the agency's staff can allow mail to them again"
                    : "The address can be corrected here only after mail to it bounced or could not be delivered");
        }
        Instant now = clock.instant();
        if (Caller.isStaff(session)) {
            attendings.changeEmail(request.getAttending().getId(), email.strip());
            request.followDirectoryEmail();
        } else {
            history.record(request.correctWriterEmail(email.strip(), org.lorkit.application.Actor.of(session), now));
        }
        return resendLinks(requestId);
    }
}
