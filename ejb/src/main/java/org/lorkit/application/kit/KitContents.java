package org.lorkit.application.kit;

import jakarta.enterprise.context.Dependent;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
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

import java.time.Clock;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * What a kit holds, for a request already checked by the caller: the student's kit builder and the
 * attending's kit page show and download exactly the same thing.
 */
@Dependent
public class KitContents {
    private static final DateTimeFormatter DATE = DateTimeFormatter.ofPattern("MMMM d, yyyy", Locale.US);

    @Inject
    TenantEntityManager tenant;
    @Inject
    Clock clock;

    public static String role(Rotation rotation) {
        return switch (rotation.getKind()) {
            case HANDS_ON -> "hands-on visiting medical graduate";
            case OBSERVERSHIP -> "observer";
            case RESEARCH -> "research trainee";
        };
    }

    /** The stored bytes of the kit's CV or statement. */
    public Optional<byte[]> content(LetterRequest request, DocumentKind kind) {
        return latest(request, kind).map(d -> Finder.require(tenant.get(), DocumentContent.class, d.getId(), "documentId").getContent());
    }

    public KitService.Kit preview(LetterRequest request) {
        EntityManager em = tenant.get();
        return new KitService.Kit(cover(request), latest(request, DocumentKind.CV).isPresent(),
                latest(request, DocumentKind.PERSONAL_STATEMENT).isPresent(), deadline(request));
    }

    /** The combined kit PDF: the cover page with the summary, then the CV, then the personal statement. */
    public byte[] pdf(LetterRequest request) {
        EntityManager em = tenant.get();
        List<byte[]> attachments = new ArrayList<>();
        for (DocumentKind kind : List.of(DocumentKind.CV, DocumentKind.PERSONAL_STATEMENT)) {
            latest(request, kind).ifPresent(d -> attachments.add(Finder.require(em, DocumentContent.class, d.getId(), "documentId").getContent()));
        }
        return Pdfs.kit(cover(request), attachments);
    }

    public List<String> cover(LetterRequest request) {
        EntityManager em = tenant.get();
        Student student = request.getStudent();
        Rotation rotation = request.getRotation();
        List<String> lines = new ArrayList<>();
        lines.add("Letter of recommendation kit - " + student.getFullName());
        lines.add("For " + request.getAttending().getFullName() + ", thank you for agreeing to write a strong letter.");
        lines.add("Rotation: " + rotation.getSpecialty().label() + ", " + rotation.getSite() + " ("
                + rotation.getSetting().name().toLowerCase(Locale.ROOT) + ")");
        lines.add("Dates: " + DATE.format(rotation.getStartDate()) + " to " + DATE.format(rotation.getEndDate()));
        lines.add("Role: " + role(rotation)
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

    public LocalDate deadline(LetterRequest request) {
        return request.getDeadline() != null ? request.getDeadline()
                : KitDeadline.proposeFor(LocalDate.now(clock), request.getStudent().effectivePlannedSubmitOn()).date();
    }

    /** The document version the kit carries: the one saved with the kit, else the latest upload. */
    public Optional<StudentDocument> latest(LetterRequest request, DocumentKind kind) {
        EntityManager em = tenant.get();
        Long chosen = kind == DocumentKind.CV ? request.getCvDocumentId() : request.getStatementDocumentId();
        if (chosen != null) {
            return Finder.find(em, StudentDocument.class, chosen);
        }
        return em.createNamedQuery("StudentDocument.findByStudent", StudentDocument.class).setParameter("student", request.getStudent())
                .getResultList().stream().filter(d -> d.getKind() == kind).findFirst();
    }

}
