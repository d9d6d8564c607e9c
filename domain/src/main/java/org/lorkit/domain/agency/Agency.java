package org.lorkit.domain.agency;

import jakarta.persistence.Cacheable;
import jakarta.persistence.Column;
import jakarta.persistence.Embedded;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.NamedQuery;
import jakarta.persistence.SequenceGenerator;
import jakarta.persistence.Table;
import jakarta.persistence.Version;
import org.eclipse.persistence.annotations.Cache;
import org.lorkit.domain.letter.ReminderPolicy;
import org.lorkit.domain.shared.DomainException;
import org.lorkit.domain.shared.Require;

import java.time.DateTimeException;
import java.time.Instant;
import java.time.ZoneId;
import java.util.Objects;

/**
 * A rotation agency: the tenant. Its id is the AGENCY_ID of everything it owns.
 * <p>
 * Every transaction of every service reads it (its time zone makes "today", its rules feed the letter rules), so it is
 * kept in EclipseLink's shared cache, the one entity that is: a read costs no statement. It owns nothing of a tenant
 * (it is no TenantOwnedEntity), so sharing it shares no agency's data with another. A change is in the cache of the
 * node that made it at its commit; another node of a cluster reads the row again once its copy is
 * {@link #CACHED_MILLIS} old. Whoever changes it reads it afresh and locked first (TenantData.agencyToChange).
 */
@Entity
@Table(name = "AGENCY")
@Cacheable
@Cache(expiry = Agency.CACHED_MILLIS)
@NamedQuery(name = "Agency.findBySlug", query = "select a from Agency a where a.slug = :slug")
@NamedQuery(name = "Agency.findAll", query = "select a from Agency a order by a.name")
@NamedQuery(name = "Agency.allIds", query = "select a.id from Agency a order by a.id")
public class Agency {
    /** How long a node uses its cached copy before reading the row again: how late another node sees a change. */
    public static final int CACHED_MILLIS = 15_000;

    @Id
    @GeneratedValue(strategy = GenerationType.SEQUENCE, generator = "agency_seq")
    @SequenceGenerator(name = "agency_seq", sequenceName = "lorkit_seq", allocationSize = 50)
    private Long id;

    @Version
    private long version;

    /** The row's version: a reader that knows a newer one (from its own query) reads the row again (TenantData.agencyAsOf). */
    public long getVersion() {
        return version;
    }

    @Column(nullable = false, unique = true, length = 60)
    private String slug;

    @Column(nullable = false, length = 200)
    private String name;

    @Column(name = "SENDER_NAME", nullable = false, length = 200)
    private String senderName;

    @Column(name = "REPLY_TO", length = 254)
    private String replyTo;

    @Column(name = "TIME_ZONE", nullable = false, length = 60)
    private String timeZone;

    /** The numbers of the letter rules (the reminder policy among them). */
    @Embedded
    private AgencyRules rules;

    @Column(name = "CREATED_AT", nullable = false)
    private Instant createdAt;

    protected Agency() {
    }

    public Agency(String slug, String name, String replyTo, String timeZone, Instant createdAt) {
        this.slug = slug(slug);
        this.name = Require.line("name", name, 200);
        this.senderName = this.name;
        this.replyTo = replyTo == null || replyTo.isBlank() ? null : Require.email("replyTo", replyTo);
        this.timeZone = zone(timeZone).getId();
        this.rules = AgencyRules.DEFAULTS.copy(); // its own value: the persistence layer may refresh an embedded value in place
        this.createdAt = Require.present("createdAt", createdAt);
    }

    private static String slug(String slug) {
        String value = Require.text("slug", slug, 60);
        if (!value.matches("[a-z0-9][a-z0-9-]*")) {
            throw new DomainException("slug", "slug may hold only lower-case letters, digits and dashes: " + slug);
        }
        return value;
    }

    private static ZoneId zone(String timeZone) {
        try {
            return ZoneId.of(Require.text("timeZone", timeZone, 60));
        } catch (DateTimeException e) {
            throw new DomainException("timeZone", "Unknown time zone: " + timeZone);
        }
    }

    /** The name attendings and students see mail come from, and where their replies go (none: replies bounce back to nobody). */
    public void changeSender(String senderName, String replyTo) {
        String checkedName = Require.line("senderName", senderName, 200);
        this.replyTo = replyTo == null || replyTo.isBlank() ? null : Require.email("replyTo", replyTo);
        this.senderName = checkedName;
    }

    public void changeTimeZone(String timeZone) {
        this.timeZone = zone(timeZone).getId();
    }

    /**
     * Takes new numbers for the letter rules (already checked whole, see AgencyRules), and says what changed, for the
     * record; the rules read them from the next computation on.
     */
    public java.util.List<AgencyRules.Change> changeRules(AgencyRules newRules) {
        AgencyRules checked = Require.present("rules", newRules);
        java.util.List<AgencyRules.Change> changes = getRules().changesTo(checked);
        this.rules = checked.copy();
        return changes;
    }

    public Long getId() {
        return id;
    }

    public String getSlug() {
        return slug;
    }

    public String getName() {
        return name;
    }

    public String getSenderName() {
        return senderName;
    }

    public String getReplyTo() {
        return replyTo;
    }

    public ZoneId getTimeZone() {
        return ZoneId.of(timeZone);
    }

    /** The agency's numbers of the letter rules (an agency row from before they existed reads as the defaults). */
    public AgencyRules getRules() {
        return rules == null ? AgencyRules.DEFAULTS : rules;
    }

    public ReminderPolicy getReminderPolicy() {
        return getRules().reminderPolicy();
    }

    public Instant getCreatedAt() {
        return createdAt;
    }

    @Override
    public boolean equals(Object other) {
        return this == other || other instanceof Agency a && slug.equals(a.slug);
    }

    @Override
    public int hashCode() {
        return Objects.hash(slug);
    }
}
