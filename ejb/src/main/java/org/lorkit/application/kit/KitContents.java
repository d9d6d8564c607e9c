package org.lorkit.application.kit;

import jakarta.ejb.EJBException;
import jakarta.enterprise.context.Dependent;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import org.lorkit.application.TenantData;
import org.lorkit.domain.document.DocumentContent;
import org.lorkit.domain.document.DocumentKind;
import org.lorkit.domain.document.KitPdf;
import org.lorkit.domain.document.StudentDocument;
import org.lorkit.domain.letter.KitDeadline;
import org.lorkit.domain.letter.LetterRequest;
import org.lorkit.domain.rotation.Rotation;
import org.lorkit.domain.shared.Dates;
import org.lorkit.domain.shared.Labels;
import org.lorkit.domain.student.Student;
import org.lorkit.infrastructure.pdf.KitPdfStore;
import org.lorkit.infrastructure.pdf.Pdfs;
import org.lorkit.infrastructure.persistence.Finder;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Optional;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * What a kit holds, for a request already checked by the caller: the student's kit builder and the
 * attending's kit page show and download exactly the same thing.
 */
@Dependent
public class KitContents {
    private static final Logger LOG = Logger.getLogger(KitContents.class.getName());

    @Inject
    TenantData tenant;
    @Inject
    Clock clock;
    @Inject
    KitPdfStore store;

    public static String role(Rotation rotation) {
        return switch (rotation.getKind()) {
            case HANDS_ON -> "hands-on visiting medical graduate";
            case OBSERVERSHIP -> "observer";
            case RESEARCH -> "research trainee";
        };
    }

    /** The stored bytes of the kit's CV or statement, unless the file fails the inspection of uploads. */
    public Optional<byte[]> content(LetterRequest request, DocumentKind kind) {
        return servable(request, kind).map(d -> tenant.require(DocumentContent.class, d.getId(), "documentId").getContent());
    }

    public KitService.Kit preview(LetterRequest request) {
        return new KitService.Kit(cover(request), servable(request, DocumentKind.CV).isPresent(),
                servable(request, DocumentKind.PERSONAL_STATEMENT).isPresent(), deadline(request));
    }

    /**
     * The kit's document of that kind, if it passed the inspection of uploads: one stored before the inspection
     * existed is inspected now, once; one that fails is neither served nor merged (the student is told to
     * upload it again).
     */
    private Optional<StudentDocument> servable(LetterRequest request, DocumentKind kind) {
        return latest(request, kind).filter(d -> StoredDocuments.servable(tenant, d, clock.instant()));
    }

    /**
     * The combined kit PDF: the cover page with the summary, then the CV, then the personal statement. Built once
     * for a set of document versions and cover text and kept (KIT_PDF), so that downloads, on either node, read
     * it instead of merging the documents again; the cover's text is part of the key because bullets, deadline
     * and ERAS IDs change it without a new document version, and so is the way the cover is drawn
     * ({@link Pdfs#COVER_LAYOUT}), so that a kit kept from before a change of it is built again.
     */
    public byte[] pdf(LetterRequest request) {
        EntityManager em = tenant.em();
        List<String> cover = cover(request);
        Optional<StudentDocument> cv = servable(request, DocumentKind.CV);
        Optional<StudentDocument> statement = servable(request, DocumentKind.PERSONAL_STATEMENT);
        Long cvId = cv.map(StudentDocument::getId).orElse(null);
        Long statementId = statement.map(StudentDocument::getId).orElse(null);
        String coverSha256 = sha256(Pdfs.COVER_LAYOUT + "\n" + String.join("\n", cover));
        KitPdf kept = em.find(KitPdf.class, request.getId());
        if (kept != null && kept.isBuiltFrom(cvId, statementId, coverSha256)) {
            return kept.getContent();
        }
        List<byte[]> attachments = new ArrayList<>();
        for (StudentDocument document : List.of(cv, statement).stream().flatMap(Optional::stream).toList()) {
            attachments.add(tenant.require(DocumentContent.class, document.getId(), "documentId").getContent());
        }
        byte[] built = Pdfs.kit(cover, attachments);
        try {
            store.keep(request.getId(), cvId, statementId, coverSha256, built, clock.instant());
        } catch (EJBException e) {
            // The other node kept the same kit a moment earlier: these bytes are as good, the next download reads its row.
            LOG.log(Level.INFO, "The kit PDF of request {0} was not kept: {1}", new Object[]{request.getId(), e.getMessage()});
        }
        return built;
    }

    private static String sha256(String text) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(text.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    public List<String> cover(LetterRequest request) {
        EntityManager em = tenant.em();
        Student student = request.getStudent();
        Rotation rotation = request.getRotation();
        List<String> lines = new ArrayList<>();
        lines.add("Letter of recommendation kit - " + student.getFullName());
        lines.add("For " + request.getAttending().getSalutation() + ", thank you for agreeing to write a strong letter.");
        lines.add("Rotation: " + rotation.getSpecialty().label() + ", " + rotation.getSite() + " ("
                + Labels.inSentence(rotation.getSetting()) + ")");
        lines.add("Dates: " + Dates.day(rotation.getStartDate()) + " to " + Dates.day(rotation.getEndDate()));
        lines.add("Role: " + role(rotation)
                + (student.getMedicalSchool() == null ? "" : " from " + student.getMedicalSchool())
                + (student.getCountry() == null ? "" : ", " + student.getCountry()));
        lines.add("Letter for: " + (request.isGeneralLetter() ? "general use (no single specialty)" : request.getSpecialty().label() + " residency"));
        lines.add("ERAS AAMC ID: " + (student.getErasAamcId() == null ? "to follow" : student.getErasAamcId())
                + (request.getErasLetterId() == null ? "" : "   ERAS Letter ID: " + request.getErasLetterId()));
        lines.add("Deadline: " + Dates.weekdayAndDay(deadline(request)) + " (if you need another date, just say so)");
        lines.add("What I did on your service:");
        WorkLogService.bullets(em, rotation).forEach(b -> lines.add("\u2022 " + b));
        lines.add("How to submit: ERAS emails you an upload link once I enter you in ERAS. It accepts a PDF of at most 1 MB on "
                + "letterhead with your contact details, signed with a signature image, addressed \"Dear Program Director\".");
        return lines;
    }

    public LocalDate deadline(LetterRequest request) {
        return request.getDeadline() != null ? request.getDeadline()
                : KitDeadline.proposeFor(tenant.today(), request.getStudent().effectivePlannedSubmitOn(), tenant.agency().getRules()).date();
    }

    /** The document version the kit carries: the one saved with the kit, else the latest upload. */
    public Optional<StudentDocument> latest(LetterRequest request, DocumentKind kind) {
        EntityManager em = tenant.em();
        Long chosen = kind == DocumentKind.CV ? request.getCvDocumentId() : request.getStatementDocumentId();
        if (chosen != null) {
            return Finder.find(em, StudentDocument.class, chosen);
        }
        return em.createNamedQuery("StudentDocument.findByStudent", StudentDocument.class).setParameter("student", request.getStudent())
                .getResultList().stream().filter(d -> d.getKind() == kind).findFirst();
    }

}
