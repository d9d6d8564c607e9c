package org.lorkit.application.attending;

import jakarta.annotation.security.RolesAllowed;
import org.lorkit.application.Roles;
import jakarta.ejb.Stateless;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import org.lorkit.application.TenantData;
import org.lorkit.domain.attending.Attending;
import org.lorkit.domain.letter.LetterState;
import org.lorkit.domain.shared.Specialty;
import org.lorkit.infrastructure.persistence.Finder;

import java.time.Instant;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

@Stateless
@RolesAllowed({Roles.AGENCY_STAFF, Roles.AGENCY_ADMIN})
public class AttendingService {
    @Inject
    private TenantData tenant;
    @Inject
    private org.lorkit.application.letter.LetterHistory history;
    @Inject
    private java.time.Clock clock;
    @jakarta.annotation.Resource
    private jakarta.ejb.SessionContext session;

    /** Adds the attending to the directory, or returns the one already there with that email. */
    public AttendingView addToDirectory(@NotNull @Valid NewAttending attending) {
        EntityManager em = tenant.em();
        Specialty specialty = Specialty.parse("specialty", attending.specialty());
        Optional<Attending> existing = findByEmail(em, attending.email());
        if (existing.isPresent()) {
            return AttendingView.of(existing.get());
        }
        Attending added = new Attending(attending.fullName(), attending.email(), attending.title(), specialty,
                attending.usBased(), attending.institution());
        em.persist(added);
        em.flush();
        return AttendingView.of(added);
    }

    /**
     * Staff change the directory's address of an attending: every student's later mail to them goes there, and the
     * change is kept (who, when, from and to). Refused when another attending of the directory has that address.
     */
    public AttendingView changeEmail(long attendingId,
                                     @jakarta.validation.constraints.NotBlank(message = "The new address is required")
                                     @jakarta.validation.constraints.Email(message = "This is not a valid email address") String email) {
        EntityManager em = tenant.em();
        Attending attending = tenant.require(Attending.class, attendingId, "attendingId");
        String address = email.strip().toLowerCase(Locale.ROOT);
        findByEmail(em, address).filter(other -> !other.equals(attending)).ifPresent(other -> {
            throw new org.lorkit.domain.shared.DomainException("email", other.getFullName() + " already has " + address + " in the directory");
        });
        attending.changeEmail(address, org.lorkit.application.Actor.of(session), clock.instant()).ifPresent(em::persist);
        em.flush();
        return AttendingView.of(attending);
    }

    /** An address the agency sends nothing to since its owner reported the agency's mail as spam. */
    /** @param sinceDay the day of the complaint in the agency's own time zone, as its staff count days */
    public record Suppression(long id, String address, String detail, java.time.LocalDate sinceDay) implements java.io.Serializable {
        static Suppression of(org.lorkit.domain.outbox.SuppressedAddress s, java.time.ZoneId zone) {
            return new Suppression(s.getId(), s.getAddress(), s.getDetail(), java.time.LocalDate.ofInstant(s.getSince(), zone));
        }
    }

    /** The addresses that reported the agency's mail as spam and get nothing more from it, newest first. */
    public List<Suppression> suppressedAddresses() {
        java.time.ZoneId zone = agencyZone();
        return tenant.em().createNamedQuery("SuppressedAddress.allActive", org.lorkit.domain.outbox.SuppressedAddress.class)
                .getResultList().stream().map(s -> Suppression.of(s, zone)).toList();
    }

    private java.time.ZoneId agencyZone() {
        return tenant.agency().getTimeZone();
    }

    /**
     * Staff, having talked to the writer, allow mail to the address again: the requests that stopped because of the
     * complaint may send fresh links, and their history says who allowed it. The complaint stays on record, cleared.
     */
    public Suppression allowMailAgain(long suppressionId) {
        EntityManager em = tenant.em();
        org.lorkit.domain.outbox.SuppressedAddress suppression = tenant.require(org.lorkit.domain.outbox.SuppressedAddress.class,
                suppressionId, "suppressionId");
        String actor = org.lorkit.application.Actor.of(session);
        java.time.Instant now = clock.instant();
        suppression.clear(actor, now);
        for (org.lorkit.domain.letter.LetterRequest request : em.createNamedQuery("LetterRequest.findByWriterMailProblem",
                org.lorkit.domain.letter.LetterRequest.class).setParameter("complained", org.lorkit.domain.letter.MailProblem.COMPLAINED).getResultList()) {
            if (request.getWriterEmail().equalsIgnoreCase(suppression.getAddress())) {
                request.clearMailProblem();
                history.record(request.recordMailNews(actor + " allowed mail to " + suppression.getAddress() + " again", now));
            }
        }
        return Suppression.of(suppression, agencyZone());
    }

    /** The directory address changes of an attending, oldest first. */
    public List<AddressChange> addressChanges(long attendingId) {
        EntityManager em = tenant.em();
        Attending attending = tenant.require(Attending.class, attendingId, "attendingId");
        return em.createNamedQuery("AttendingAddressChange.findByAttending", org.lorkit.domain.attending.AttendingAddressChange.class)
                .setParameter("attending", attending).getResultList().stream().map(c -> AddressChange.of(c, tenant.zone())).toList();
    }

    /** The agency's most recent directory address changes, newest first. */
    public List<AddressChange> recentAddressChanges(@jakarta.validation.constraints.Min(1) @jakarta.validation.constraints.Max(500) int limit) {
        return tenant.em().createNamedQuery("AttendingAddressChange.findRecent", org.lorkit.domain.attending.AttendingAddressChange.class)
                .setMaxResults(limit).getResultList().stream().map(c -> AddressChange.of(c, tenant.zone())).toList();
    }

    /** One change of a directory address, for staff. */
    public record AddressChange(long attendingId, String attendingName, String oldEmail, String newEmail, String changedBy,
                                Instant changedAt, java.time.ZoneId zone) implements java.io.Serializable {
        static AddressChange of(org.lorkit.domain.attending.AttendingAddressChange c, java.time.ZoneId agencyZone) {
            return new AddressChange(c.getAttending().getId(), c.getAttending().getFullName(), c.getOldEmail(), c.getNewEmail(),
                    c.getChangedBy(), c.getChangedAt(), agencyZone);
        }

        /** When, as the directory shows it. */
        public String when() {
            return org.lorkit.domain.shared.Dates.moment(changedAt, zone);
        }
    }

    public Optional<AttendingView> find(long id) {
        return Finder.find(tenant.em(), Attending.class, id).map(AttendingView::of);
    }

    public List<AttendingView> directory() {
        return tenant.em().createNamedQuery("Attending.findAll", Attending.class).getResultList().stream()
                .map(AttendingView::of).toList();
    }

    /**
     * The directory with each attending's record, in four statements whatever its size: the attendings, their
     * letter counts and bounces grouped by attending, and the kit and upload days of their uploaded letters (for the medians).
     */
    public List<AttendingRecord> records() {
        EntityManager em = tenant.em();
        Map<Long, long[]> counts = new HashMap<>();
        for (Object[] row : em.createNamedQuery("LetterRequest.answersByAttending", Object[].class)
                .setParameter("submitted", LetterState.SUBMITTED).setParameter("declined", LetterState.DECLINED).getResultList()) {
            long[] n = new long[5];
            for (int i = 0; i < 4; i++) {
                n[i] = row[i + 1] == null ? 0 : ((Number) row[i + 1]).longValue();
            }
            counts.put(((Number) row[0]).longValue(), n);
        }
        // Apart: the address problems, counted where they need a corrected address.
        for (Object[] row : em.createNamedQuery("LetterRequest.mailProblemsByAttending", Object[].class)
                .setParameter("problems", java.util.List.of(org.lorkit.domain.letter.MailProblem.BOUNCED,
                        org.lorkit.domain.letter.MailProblem.COMPLAINED)).getResultList()) {
            counts.computeIfAbsent(((Number) row[0]).longValue(), id -> new long[5])[4] = ((Number) row[1]).longValue();
        }
        Map<Long, List<Long>> daysToUpload = new HashMap<>();
        for (Object[] row : em.createNamedQuery("LetterRequest.uploadsByAttending", Object[].class)
                .setParameter("submitted", LetterState.SUBMITTED).getResultList()) {
            LocalDate uploaded = LocalDate.ofInstant((Instant) row[2], tenant.zone());
            daysToUpload.computeIfAbsent(((Number) row[0]).longValue(), id -> new ArrayList<>())
                    .add(ChronoUnit.DAYS.between((LocalDate) row[1], uploaded));
        }
        return em.createNamedQuery("Attending.findAll", Attending.class).getResultList().stream().map(a -> {
            long[] n = counts.getOrDefault(a.getId(), new long[5]);
            return new AttendingRecord(AttendingView.of(a), n[0], n[1], n[2], n[3], median(daysToUpload.get(a.getId())), n[4]);
        }).toList();
    }

    /** The directory with its records as CSV, the columns of the directory page. */
    public org.lorkit.application.CsvExport.File exportCsv() {
        List<List<Object>> rows = records().stream().<List<Object>>map(r -> java.util.Arrays.asList(r.attending().fullName(),
                r.attending().email(), org.lorkit.domain.shared.Labels.of(r.attending().title()), r.attending().specialty().label(), r.attending().institution(),
                r.asked(), r.confirmed(), r.uploaded(), r.declined(), r.medianDaysToUpload(), r.bounces())).toList();
        return org.lorkit.application.CsvExport.file("attendings", tenant.today(), List.of("attending", "email", "title", "specialty", "institution", "asked",
                "confirmed", "uploaded", "declined", "median days kit to upload", "bounces"), rows);
    }

    static Double median(List<Long> values) {
        if (values == null || values.isEmpty()) {
            return null;
        }
        List<Long> sorted = values.stream().sorted().toList();
        int middle = sorted.size() / 2;
        return sorted.size() % 2 == 1 ? sorted.get(middle) : (sorted.get(middle - 1) + sorted.get(middle)) / 2.0;
    }

    private static Optional<Attending> findByEmail(EntityManager em, String email) {
        return Finder.single(em.createNamedQuery("Attending.findByEmail", Attending.class)
                .setParameter("email", email.strip().toLowerCase(Locale.ROOT)).getResultList());
    }
}
