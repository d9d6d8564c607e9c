package org.lorkit.application.mail;

import jakarta.enterprise.context.Dependent;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import org.lorkit.application.TenantData;
import org.lorkit.domain.advice.AskWindowReminder;
import org.lorkit.domain.agency.Agency;
import org.lorkit.domain.letter.LetterRequest;
import org.lorkit.domain.link.AttendingLink;
import org.lorkit.domain.link.CapabilityToken;
import org.lorkit.domain.link.LinkPurpose;
import org.lorkit.domain.outbox.MailKind;
import org.lorkit.domain.outbox.OutboxEmail;
import org.lorkit.domain.outbox.OutboxTag;
import org.lorkit.domain.rotation.Rotation;
import org.lorkit.domain.shared.Dates;
import org.lorkit.domain.student.Student;
import org.lorkit.infrastructure.mail.CalendarEvent;
import org.lorkit.infrastructure.mail.MailSettings;
import org.lorkit.infrastructure.mail.MailTemplates;
import org.lorkit.infrastructure.mail.OutgoingMail;

import java.time.Instant;
import java.time.LocalDate;
import java.util.Collection;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * Writes letter emails to the outbox (once per request, kind and due day) and renders them when they are
 * sent. Links are minted at render time, so the database only ever holds their hashes.
 */
@Dependent
public class LetterMails {
    /** Stands in for every link in the copy of a sent email the outbox keeps. */
    static final String LINK_REMOVED = "[link removed]";
    /** Stands in for the "open the kit" link in the preview of an email the student has not sent yet. */
    public static final String KIT_LINK_SHOWN = "[link to your kit]";
    /** Stands in for the "confirm" link in that preview. */
    public static final String CONFIRM_LINK_SHOWN = "[link to confirm they will write it]";
    /** What the outbox keeps of a sent digest or alert: they name students but belong to none (erasure). */
    static final String STAFF_MAIL_NOT_KEPT = "[an email to staff: its words are not kept once sent]";

    @Inject
    MailTemplates templates;
    @Inject
    MailSettings settings;
    @Inject
    TenantData tenant;
    @Inject
    org.lorkit.application.agency.AgencyLogos logos;
    @Inject
    org.lorkit.application.advice.WriterChoices writers;

    /** Enqueues the email in the caller's transaction, unless the same one (request, kind, due day) is already there. */
    public boolean enqueue(MailKind kind, LetterRequest request, Instant dueAt) {
        EntityManager em = tenant.em();
        String key = OutboxEmail.dedupKey(kind, request.getId(), dueAt);
        if (alreadyQueued(em, key)) {
            return false;
        }
        return queue(em, kind, request, dueAt);
    }

    /**
     * Enqueues news whose words are read when it is sent (a moved deadline), so that the writer ends with the latest
     * word: today's email when none is queued yet, or nothing more while today's still waits (it will say the latest);
     * when today's has already gone out, one due at the start of the next day (the next key). Returns whether one more
     * email was queued.
     */
    public boolean enqueueLatest(MailKind kind, LetterRequest request, Instant now) {
        EntityManager em = tenant.em();
        Instant due = now;
        for (int day = 0; day < 2; day++) {
            java.util.Optional<OutboxEmail> queued = em.createNamedQuery("OutboxEmail.idByDedupKey", Long.class)
                    .setParameter("key", OutboxEmail.dedupKey(kind, request.getId(), due)).setMaxResults(1).getResultList().stream()
                    .findFirst().map(id -> em.find(OutboxEmail.class, id));
            if (queued.isEmpty()) {
                return queue(em, kind, request, due);
            }
            if (queued.get().getStatus() == org.lorkit.domain.outbox.OutboxStatus.PENDING) {
                return false;
            }
            due = LocalDate.ofInstant(now, java.time.ZoneOffset.UTC).plusDays(1).atStartOfDay(java.time.ZoneOffset.UTC).toInstant();
        }
        return false;
    }

    /**
     * What the dedup and suppression checks of a batch of requests' emails need, read once for the batch (a reminder
     * sweep's chunk): the dedup keys already queued about them, which the batch's own emails join, and which of their
     * writers' addresses the agency no longer sends to.
     */
    public static final class Prepared {
        private final Set<String> queued;
        private final Set<String> suppressed;

        Prepared(Set<String> queued, Set<String> suppressed) {
            this.queued = queued;
            this.suppressed = suppressed;
        }
    }

    /** Reads, in two queries, what {@link #enqueue(MailKind, LetterRequest, Instant, Prepared)} checks for these requests. */
    public Prepared prepareFor(Collection<LetterRequest> requests) {
        if (requests.isEmpty()) {
            return new Prepared(new HashSet<>(), Set.of());
        }
        List<Long> ids = requests.stream().map(LetterRequest::getId).toList();
        List<String> writers = requests.stream().map(LetterRequest::getWriterEmail).filter(java.util.Objects::nonNull)
                .map(address -> address.toLowerCase(Locale.ROOT)).distinct().toList();
        Set<String> suppressed = writers.isEmpty() ? Set.of() : new HashSet<>(tenant.em()
                .createNamedQuery("SuppressedAddress.activeAmong", String.class).setParameter("addresses", writers).getResultList());
        return new Prepared(queuedFor(ids), suppressed);
    }

    /**
     * As {@link #enqueue(MailKind, LetterRequest, Instant)}, with what it checks read beforehand by
     * {@link #prepareFor}: no query, so a batch's emails wait to be written together.
     */
    public boolean enqueue(MailKind kind, LetterRequest request, Instant dueAt, Prepared prepared) {
        if (!prepared.queued.add(OutboxEmail.dedupKey(kind, request.getId(), dueAt))) {
            return false;
        }
        return queue(tenant.em(), kind, request, dueAt, address -> prepared.suppressed.contains(address.toLowerCase(Locale.ROOT)));
    }

    /** The dedup keys of every email already queued about these requests, in one query. */
    private Set<String> queuedFor(Collection<Long> requestIds) {
        return new HashSet<>(tenant.em().createNamedQuery("OutboxEmail.dedupKeysOfRequests", String.class)
                .setParameter("ids", requestIds).getResultList());
    }

    private boolean queue(EntityManager em, MailKind kind, LetterRequest request, Instant dueAt) {
        return queue(em, kind, request, dueAt, address -> isSuppressed(em, address));
    }

    private boolean queue(EntityManager em, MailKind kind, LetterRequest request, Instant dueAt,
                          java.util.function.Predicate<String> suppressed) {
        Student student = request.getStudent();
        String to = switch (kind.recipient()) {
            case ATTENDING -> request.getWriterEmail();
            case STUDENT -> student.getEmail();
            case AGENCY -> agency(em).getReplyTo();
            case STAFF -> throw new IllegalArgumentException(kind + " goes to one staff member: enqueueForStaff");
        };
        if (to == null) {
            return false; // an agency without a reply-to address sees it on its dashboard only
        }
        if (kind.recipient() == MailKind.Recipient.ATTENDING && suppressed.test(to)) {
            return false; // the writer reported the agency's mail as spam: the request shows it, staff may allow it again
        }
        String replyTo = kind.recipient() == MailKind.Recipient.ATTENDING ? student.getEmail()
                : kind.recipient() == MailKind.Recipient.STUDENT ? agency(em).getReplyTo() : null;
        String subject = subject(kind, model(em, kind, request, null, null, false));
        em.persist(new OutboxEmail(kind, request.getId(), to, replyTo, subject, dueAt));
        return true;
    }

    /** An email's words as its reader gets them: the subject and the text. */
    public record Words(String subject, String text) implements java.io.Serializable {
    }

    /**
     * The email of this kind about the request as it would go out now, with every link replaced by a placeholder
     * ({@link #KIT_LINK_SHOWN}, {@link #CONFIRM_LINK_SHOWN}): for the student to read before sending. No link is
     * minted, so no token exists for it. The same templates and model as the outbox's, so the email that goes out
     * differs only in its links.
     */
    public Words preview(MailKind kind, LetterRequest request) {
        EntityManager em = tenant.em();
        boolean links = kind.recipient() == MailKind.Recipient.ATTENDING;
        return words(kind, model(em, kind, request, links ? KIT_LINK_SHOWN : null, links ? CONFIRM_LINK_SHOWN : null, true));
    }

    /** The subject and text of an email of this kind for this model: how the outbox words it, and the preview. */
    Words words(MailKind kind, Map<String, ?> model) {
        return new Words(subject(kind, model), text(kind, model));
    }

    /** The subject of an email of this kind (rendered when it is queued, kept on its row). */
    String subject(MailKind kind, Map<String, ?> model) {
        return templates.render(kind.template() + ".subject.ftl", model).strip();
    }

    /** The plain text of an email of this kind (rendered when it is sent, with its links). */
    String text(MailKind kind, Map<String, ?> model) {
        return templates.render(kind.template() + ".txt.ftl", model);
    }

    /**
     * Enqueues staff's words to a student (a nudge) in the caller's transaction; one a day per student, so a
     * second click the same day sends nothing more. Replies go to the agency.
     */
    public boolean enqueueNudge(Student student, String message, Instant dueAt) {
        EntityManager em = tenant.em();
        String key = OutboxEmail.studentDedupKey(MailKind.NUDGE, student.getId(), dueAt);
        if (alreadyQueued(em, key)) {
            return false;
        }
        String subject = templates.render(MailKind.NUDGE.template() + ".subject.ftl", studentModel(em, student, message)).strip();
        em.persist(OutboxEmail.aboutStudent(MailKind.NUDGE, student.getId(), student.getEmail(), agency(em).getReplyTo(),
                subject, message, dueAt));
        return true;
    }

    /**
     * Enqueues the student's email that this rotation's ideal window to ask has opened (AskWindowReminder), in the
     * caller's transaction: once per rotation, ever (its key names no day), so a second sweep, or a second node,
     * queues nothing more. Its words are rendered when it is sent, from the rule as it reads then. Replies go to the
     * agency.
     */
    public boolean enqueueAskWindow(Rotation rotation, AskWindowReminder.Reminder reminder, Instant dueAt) {
        EntityManager em = tenant.em();
        if (alreadyQueued(em, OutboxEmail.rotationDedupKey(MailKind.ASK_WINDOW_OPEN, rotation.getId()))) {
            return false;
        }
        Student student = rotation.getStudent();
        String subject = templates.render(MailKind.ASK_WINDOW_OPEN.template() + ".subject.ftl", askWindowModel(em, student, rotation, reminder)).strip();
        em.persist(OutboxEmail.aboutRotation(MailKind.ASK_WINDOW_OPEN, student.getId(), rotation.getId(), student.getEmail(),
                agency(em).getReplyTo(), subject, dueAt));
        return true;
    }

    /**
     * The ask-window email of this outbox row as it goes out now, or empty when it is no longer wanted: the window has
     * closed since it was queued, or nobody on the rotation is left worth asking (the student asked meanwhile), or the
     * rotation is gone.
     */
    public java.util.Optional<Rendered> renderAboutRotation(OutboxEmail email) {
        EntityManager em = tenant.em();
        Rotation rotation = em.find(Rotation.class, email.getRotationId());
        if (rotation == null) {
            return java.util.Optional.empty();
        }
        AskWindowReminder.Reminder reminder = writers.askWindowReminders(rotation.getStudent(), List.of(rotation.getId())).get(rotation.getId());
        if (reminder == null) {
            return java.util.Optional.empty();
        }
        String text = text(email.mailKind(), askWindowModel(em, rotation.getStudent(), rotation, reminder));
        OutgoingMail mail = new OutgoingMail(messageId(email), returnPath(email), agency(em).getSenderName(), settings.fromAddress(),
                email.getToAddress(), email.getReplyTo(), email.getSubject(), text, null, null, null);
        // Its only links are to the student's own pages, behind their login: nothing to blank out.
        return java.util.Optional.of(new Rendered(mail, text, null));
    }

    private Map<String, Object> askWindowModel(EntityManager em, Student student, Rotation rotation, AskWindowReminder.Reminder reminder) {
        return askWindowModel(student.getFullName(), rotation, reminder, agency(em).getSenderName(), settings.publicUrl());
    }

    /** The model of the ask-window email: what its subject and text read. */
    static Map<String, Object> askWindowModel(String studentName, Rotation rotation, AskWindowReminder.Reminder reminder,
                                              String agencyName, String publicUrl) {
        Map<String, Object> model = new HashMap<>();
        model.put("agencyName", agencyName);
        model.put("studentName", studentName);
        model.put("site", rotation.getSite());
        model.put("rotationSpecialtyLower", rotation.getSpecialty().label().toLowerCase(Locale.ROOT));
        model.put("ends", reminder.ends());
        model.put("when", reminder.when());
        model.put("endDay", Dates.weekdayAndDay(reminder.window().endDate()));
        model.put("acceptableTo", Dates.weekdayAndDay(reminder.window().acceptableTo()));
        model.put("writerName", reminder.writerName());
        if (reminder.writer().isCautioned()) {
            model.put("writerCaution", reminder.writer().caution());
        }
        model.put("askUrl", publicUrl + "/student/ask.xhtml?rotation=" + reminder.rotation().id());
        model.put("calendarUrl", publicUrl + "/student/calendar/ask-window?rotation=" + reminder.rotation().id());
        return model;
    }

    /**
     * Enqueues an email to one staff member in the caller's transaction: its subject and words are rendered now,
     * from the kind's templates and this model (plus the agency's name and the portal's address), and kept on the
     * row. Once per recipient, scope and day; returns false when that one is already queued.
     */
    public boolean enqueueForStaff(MailKind kind, String to, String scope, Map<String, Object> model, Instant dueAt) {
        EntityManager em = tenant.em();
        if (alreadyQueued(em, OutboxEmail.staffDedupKey(kind, to, scope, dueAt))) {
            return false;
        }
        Map<String, Object> full = new HashMap<>(model);
        full.put("agencyName", agency(em).getSenderName());
        full.put("baseUrl", settings.publicUrl());
        String subject = templates.render(kind.template() + ".subject.ftl", full).strip();
        String text = templates.render(kind.template() + ".txt.ftl", full);
        em.persist(OutboxEmail.toStaff(kind, to, scope, subject, text, dueAt));
        return true;
    }

    /** Renders a claimed email, minting its links (hashes stored, tokens only in the returned mail). */
    public Rendered render(OutboxEmail email, Instant now) {
        EntityManager em = tenant.em();
        if (email.mailKind().recipient() == MailKind.Recipient.STAFF) {
            OutgoingMail mail = new OutgoingMail(messageId(email), returnPath(email), agency(em).getSenderName(), settings.fromAddress(), email.getToAddress(),
                    null, email.getSubject(), email.getMessage(), null, null, null);
            return new Rendered(mail, STAFF_MAIL_NOT_KEPT, null);
        }
        if (email.getRotationId() != null) {
            return renderAboutRotation(email).orElseThrow(() -> new IllegalStateException("The ask-window email " + email.getId()
                    + " is no longer wanted: OutboxDelivery cancels it"));
        }
        if (email.getLetterRequestId() == null) {
            return renderAboutStudent(em, email);
        }
        LetterRequest request = tenant.require(LetterRequest.class, email.getLetterRequestId(), "letterRequestId");
        MailKind kind = email.mailKind();
        String kitUrl = null;
        String confirmUrl = null;
        if (kind.recipient() == MailKind.Recipient.ATTENDING) {
            // Links minted for an earlier attempt of this email never reached anyone (refused, held, not accepted):
            // dropped, so that a mail retried for days does not pile up links.
            em.createNamedQuery("AttendingLink.deleteOfOutboxEmail").setParameter("outbox", email.getId()).executeUpdate();
            kitUrl = settings.publicUrl() + "/a/kit.xhtml?t=" + mint(em, request, LinkPurpose.KIT, email.getId(), now);
            confirmUrl = settings.publicUrl() + "/a/confirm.xhtml?t=" + mint(em, request, LinkPurpose.CONFIRM, email.getId(), now);
        }
        Map<String, Object> model = model(em, kind, request, kitUrl, confirmUrl, true);
        String text = text(kind, model);
        String html = templates.renderIfPresent(kind.template() + ".html.ftlh", model).orElse(null);
        // The kit carries its deadline for the attending's calendar, and a moved deadline updates it; other emails do not.
        String ics = CALENDAR_KINDS.contains(kind) && request.getDeadline() != null
                ? kitDeadline(request.getId(), request.getStudent().getFullName(), agency(em).getSenderName(), request.getDeadline(),
                earlierKits(em, email), now).toIcs()
                : null;
        String messageId = messageId(email);
        Agency agency = agency(em);
        OutgoingMail mail = new OutgoingMail(messageId, returnPath(email), agency.getSenderName(), settings.fromAddress(), email.getToAddress(),
                email.getReplyTo(), email.getSubject(), text, html, ics == null ? null : "letter-deadline.ics", ics);
        return new Rendered(mail, redact(text, kitUrl, confirmUrl), html == null ? null : redact(html, kitUrl, confirmUrl));
    }

    private Rendered renderAboutStudent(EntityManager em, OutboxEmail email) {
        Student student = tenant.require(Student.class, email.getStudentId(), "studentId");
        Map<String, Object> model = studentModel(em, student, email.getMessage());
        MailKind kind = email.mailKind();
        String text = templates.render(kind.template() + ".txt.ftl", model);
        String messageId = messageId(email);
        OutgoingMail mail = new OutgoingMail(messageId, returnPath(email), agency(em).getSenderName(), settings.fromAddress(), email.getToAddress(),
                email.getReplyTo(), email.getSubject(), text, null, null, null);
        return new Rendered(mail, text, null);
    }

    private Map<String, Object> studentModel(EntityManager em, Student student, String message) {
        Map<String, Object> model = new HashMap<>();
        model.put("agencyName", agency(em).getSenderName());
        model.put("studentName", student.getFullName());
        model.put("message", message);
        model.put("portalUrl", settings.publicUrl() + "/student/home.xhtml");
        return model;
    }

    /** The mail to send and the copy to keep, its links blanked out. */
    public record Rendered(OutgoingMail mail, String keptText, String keptHtml) {
    }

    private static String redact(String body, String... links) {
        String kept = body;
        for (String link : links) {
            if (link != null) {
                kept = kept.replace(link.replace("&", "&amp;"), LINK_REMOVED).replace(link, LINK_REMOVED);
            }
        }
        return kept;
    }

    /**
     * The kit's deadline as a calendar event. A calendar keeps what it imports and syncs it to other devices, so the
     * event names the deadline and sends the attending to the email for the kit: it carries no link (no token).
     * The UID is the request's, so a kit sent again updates the event, with the next SEQUENCE.
     */
    static CalendarEvent kitDeadline(long requestId, String studentName, String agencyName, LocalDate deadline, int earlierKits,
                                     Instant now) {
        return new CalendarEvent("letter-" + requestId + "@lorkit", earlierKits, now, deadline,
                "Letter of recommendation for " + studentName + " due",
                "The letter of recommendation for " + studentName + " is due on " + Dates.weekdayAndDay(deadline) + ".\n"
                        + "Upload it through the link AAMC emails you.\n"
                        + "To read the kit or answer, use the link in the email from " + agencyName + ".");
    }

    /** The emails that carry the deadline's calendar event: the kit, and the news that the deadline moved. */
    private static final Set<MailKind> CALENDAR_KINDS = java.util.EnumSet.of(MailKind.KIT, MailKind.DEADLINE_CHANGED);

    /** How many emails with the deadline's event were written about this request before this one: the event's SEQUENCE. */
    private static int earlierKits(EntityManager em, OutboxEmail email) {
        return em.createNamedQuery("OutboxEmail.countEarlierOfKind",
                        Long.class)
                .setParameter("request", email.getLetterRequestId())
                .setParameter("kinds", CALENDAR_KINDS.stream().map(MailKind::name).toList())
                .setParameter("id", email.getId()).getSingleResult().intValue();
    }

    private static String mint(EntityManager em, LetterRequest request, LinkPurpose purpose, Long outboxId, Instant now) {
        String token = CapabilityToken.generate();
        em.persist(new AttendingLink(request, purpose, CapabilityToken.hash(token), outboxId, now));
        return token;
    }

    /** Whether the agency sends nothing more to this address (its owner reported the agency's mail as spam). */
    public boolean isSuppressed(String address) {
        return isSuppressed(tenant.em(), address);
    }

    private static boolean isSuppressed(EntityManager em, String address) {
        return !em.createNamedQuery("SuppressedAddress.active", org.lorkit.domain.outbox.SuppressedAddress.class)
                .setParameter("address", address.toLowerCase(Locale.ROOT)).setMaxResults(1).getResultList().isEmpty();
    }

    /** One row per dedup key: the same email (request or student, kind, day) is never queued twice. */
    private static boolean alreadyQueued(EntityManager em, String key) {
        return !em.createNamedQuery("OutboxEmail.idByDedupKey", Long.class)
                .setParameter("key", key).setMaxResults(1).getResultList().isEmpty();
    }

    /**
     * Kept from the first attempt, so every retry of an email carries the same Message-ID. It carries the row's tag
     * too: a bounce report that lost the return path but kept the original headers still finds its row, unforgeably.
     */
    private String messageId(OutboxEmail email) {
        return email.getMessageId() != null ? email.getMessageId() : tag().messageId(email.getId(), settings.bounceDomain());
    }

    /** The envelope sender: bounces+tag@bounce-domain, so that a bounce report names its outbox row. */
    private String returnPath(OutboxEmail email) {
        return tag().returnPath(email.getId(), settings.bounceDomain());
    }

    private OutboxTag tag() {
        return OutboxTag.of(settings.bounceSecret());
    }

    /** The agency's reply-to address (where bounce notices go), or null when it has none. */
    public String agencyReplyTo() {
        return agency(tenant.em()).getReplyTo();
    }

    private Agency agency(EntityManager em) {
        return tenant.agency();
    }

    /** The emails that name whom to ask next (three queries: only where a template reads them). */
    private static final java.util.Set<MailKind> NAMES_NEXT_WRITERS = java.util.EnumSet.of(MailKind.NOT_COMING, MailKind.WRITER_DECLINED);

    /**
     * What the templates read. The logo and the next writers cost queries and appear only in bodies, so a subject
     * (rendered when the email is queued, often many in one reminder sweep) is built without them.
     */
    private Map<String, Object> model(EntityManager em, MailKind kind, LetterRequest request, String kitUrl, String confirmUrl, boolean body) {
        Agency agency = agency(em);
        String logoUrl = body ? logos.pathOf(agency).map(path -> settings.publicUrl() + path).orElse(null) : null;
        return model(request, agency.getSenderName(), settings.publicUrl(), logoUrl, body && NAMES_NEXT_WRITERS.contains(kind) ? nextWriters(request) : List.of(),
                kitUrl, confirmUrl);
    }

    /**
     * The model of an email about a request, from the request and what the agency adds: the one model of both the
     * email that goes out and its preview (which passes placeholders for the links).
     */
    static Map<String, Object> model(LetterRequest request, String agencyName, String publicUrl, String logoUrl,
                                     List<String> nextWriters, String kitUrl, String confirmUrl) {
        Student student = request.getStudent();
        Rotation rotation = request.getRotation();
        Map<String, Object> model = new HashMap<>();
        model.put("agencyName", agencyName);
        if (logoUrl != null) {
            model.put("logoUrl", logoUrl);
        }
        model.put("studentName", student.getFullName());
        model.put("studentEmail", student.getEmail());
        // The signature carries the student's email and, if they gave one, their phone (the guide's template).
        model.put("studentPhone", student.getPhone());
        model.put("personalParagraph", request.getPersonalParagraph());
        model.put("attendingName", request.getAttending().getFullName());
        // an email to the writer greets them by title and family name: "Dear Dr. Garcia"
        model.put("attendingSalutation", request.getAttending().getSalutation());
        model.put("rotationSpecialty", rotation.getSpecialty().label());
        model.put("rotationSpecialtyLower", rotation.getSpecialty().label().toLowerCase(Locale.ROOT));
        model.put("site", rotation.getSite());
        // when they worked together, as the writer remembers it: the rotation's own months, not the month of the email
        model.put("rotationMonth", Dates.months(rotation.getStartDate(), rotation.getEndDate()));
        model.put("startDate", Dates.day(rotation.getStartDate()));
        model.put("endDate", Dates.day(rotation.getEndDate()));
        model.put("role", switch (rotation.getKind()) {
            case HANDS_ON -> "a hands-on visiting medical graduate";
            case OBSERVERSHIP -> "an observer";
            case RESEARCH -> "a research trainee";
        });
        model.put("aamcId", student.getErasAamcId() == null ? "to follow" : student.getErasAamcId());
        model.put("erasLetterId", request.getErasLetterId());
        model.put("letterFor", request.isGeneralLetter() ? "general use" : request.getSpecialty().label().toLowerCase(Locale.ROOT) + " residency");
        LocalDate deadline = request.getDeadline();
        // the writer's last day carries its weekday, the student's submit date is one day among others
        model.put("deadline", Dates.weekdayAndDay(deadline));
        model.put("plannedSubmit", Dates.day(student.effectivePlannedSubmitOn()));
        model.put("remindersSent", request.getRemindersSent());
        model.put("portalUrl", publicUrl + "/student/letters.xhtml");
        model.put("kitUrl", kitUrl);
        model.put("confirmUrl", confirmUrl);
        model.put("nextWriters", nextWriters);
        model.put("erasAccepts", List.of("a PDF of at most 1 MB", "on letterhead with your contact details",
                "signed with a signature image (not a digital certificate)", "addressed \"Dear Program Director\""));
        return model;
    }

    /**
     * Whom the student could ask next, by the suggestion rule the home and the Ask page use (WriterSuggestions), as
     * "Dr. X (rotation)", with the reason when the rule put them last.
     */
    private List<String> nextWriters(LetterRequest request) {
        return writers.nextInWords(request.getStudent(), 3);
    }
}
