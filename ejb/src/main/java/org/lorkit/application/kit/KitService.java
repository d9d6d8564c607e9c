package org.lorkit.application.kit;

import jakarta.annotation.Resource;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ejb.SessionContext;
import jakarta.ejb.Stateless;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import org.lorkit.application.Caller;
import org.lorkit.application.Roles;
import org.lorkit.domain.document.DocumentContent;
import org.lorkit.domain.document.DocumentKind;
import org.lorkit.domain.document.StudentDocument;
import org.lorkit.domain.letter.KitDeadline;
import org.lorkit.domain.letter.LetterRequest;
import org.lorkit.domain.rotation.Rotation;
import org.lorkit.domain.student.Student;
import org.lorkit.infrastructure.pdf.Pdfs;
import org.lorkit.infrastructure.persistence.Finder;
import org.lorkit.infrastructure.tenancy.TenantEntityManager;

import java.io.Serializable;
import java.time.Clock;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/** The kit as the attending will see it, and the one-click combined PDF (cover, CV, personal statement). */
@Stateless
@RolesAllowed({Roles.STUDENT, Roles.AGENCY_STAFF, Roles.AGENCY_ADMIN})
public class KitService {
    private static final DateTimeFormatter DATE = DateTimeFormatter.ofPattern("MMMM d, yyyy", Locale.US);

    @Inject
    private TenantEntityManager tenant;
    @Inject
    private Clock clock;
    @Resource
    private SessionContext session;

    /** The kit's cover: every line, in order, as the attending reads it. */
    public record Kit(List<String> lines, boolean hasCv, boolean hasStatement, LocalDate deadline) implements Serializable {
    }

    public Kit preview(long requestId) {
        EntityManager em = tenant.get();
        LetterRequest request = readable(em, requestId);
        return new Kit(cover(em, request), latest(em, request, DocumentKind.CV).isPresent(),
                latest(em, request, DocumentKind.PERSONAL_STATEMENT).isPresent(), deadline(request));
    }

    /** The combined kit PDF: the cover page with the summary, then the CV, then the personal statement. */
    public byte[] pdf(long requestId) {
        EntityManager em = tenant.get();
        LetterRequest request = readable(em, requestId);
        List<byte[]> attachments = new ArrayList<>();
        for (DocumentKind kind : List.of(DocumentKind.CV, DocumentKind.PERSONAL_STATEMENT)) {
            latest(em, request, kind).ifPresent(d -> attachments.add(Finder.require(em, DocumentContent.class, d.getId(), "documentId").getContent()));
        }
        return Pdfs.kit(cover(em, request), attachments);
    }

    private List<String> cover(EntityManager em, LetterRequest request) {
        Student student = request.getStudent();
        Rotation rotation = request.getRotation();
        List<String> lines = new ArrayList<>();
        lines.add("Letter of recommendation kit - " + student.getFullName());
        lines.add("For " + request.getAttending().getFullName() + ", thank you for agreeing to write a strong letter.");
        lines.add("Rotation: " + rotation.getSpecialty().label() + ", " + rotation.getSite() + " ("
                + rotation.getSetting().name().toLowerCase(Locale.ROOT) + ")");
        lines.add("Dates: " + DATE.format(rotation.getStartDate()) + " to " + DATE.format(rotation.getEndDate()));
        lines.add("Role: visiting international medical graduate"
                + (student.getMedicalSchool() == null ? "" : " from " + student.getMedicalSchool())
                + (student.getCountry() == null ? "" : ", " + student.getCountry()));
        lines.add("Letter for: " + (request.isGeneralLetter() ? "general use (no single specialty)" : request.getSpecialty().label() + " residency"));
        lines.add("ERAS AAMC ID: " + (student.getErasAamcId() == null ? "to follow" : student.getErasAamcId())
                + (request.getErasLetterId() == null ? "" : "   ERAS Letter ID: " + request.getErasLetterId()));
        lines.add("Deadline: " + DATE.format(deadline(request)) + " (if you need another date, just say so)");
        lines.add("What I did on your service:");
        WorkLogService.bullets(em, rotation).forEach(b -> lines.add("\u2022 " + b));
        lines.add("How to submit: ERAS emails you an upload link once I enter you in ERAS. It accepts a PDF of at most 1 MB on "
                + "letterhead with your contact details, signed with a signature image, addressed \"Dear Program Director\".");
        return lines;
    }

    private LocalDate deadline(LetterRequest request) {
        return request.getDeadline() != null ? request.getDeadline()
                : KitDeadline.proposeFor(LocalDate.now(clock), request.getStudent().effectivePlannedSubmitOn()).date();
    }

    private static Optional<StudentDocument> latest(EntityManager em, LetterRequest request, DocumentKind kind) {
        Long chosen = kind == DocumentKind.CV ? request.getCvDocumentId() : request.getStatementDocumentId();
        if (chosen != null) {
            return Finder.find(em, StudentDocument.class, chosen);
        }
        return em.createNamedQuery("StudentDocument.findByStudent", StudentDocument.class).setParameter("student", request.getStudent())
                .getResultList().stream().filter(d -> d.getKind() == kind).findFirst();
    }

    private LetterRequest readable(EntityManager em, long requestId) {
        LetterRequest request = Finder.require(em, LetterRequest.class, requestId, "requestId");
        return Caller.ownedBy(session, request.getStudent(), request, LetterRequest.class, requestId, "requestId");
    }
}
