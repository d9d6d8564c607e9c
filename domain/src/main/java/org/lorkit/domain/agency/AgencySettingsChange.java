package org.lorkit.domain.agency;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.NamedQuery;
import jakarta.persistence.Table;
import org.lorkit.domain.shared.Require;
import org.lorkit.domain.shared.TenantOwnedEntity;

import java.time.Instant;

/**
 * The record of one number of the agency's letter rules an admin changed: which, from what to what, who and when.
 * One row per number changed; never changed itself.
 */
@Entity
@Table(name = "AGENCY_SETTINGS_CHANGE")
@NamedQuery(name = "AgencySettingsChange.findRecent",
        query = "select c from AgencySettingsChange c order by c.changedAt desc, c.id desc")
public class AgencySettingsChange extends TenantOwnedEntity {
    @Enumerated(EnumType.STRING)
    @Column(name = "RULE_NAME", nullable = false, length = 40)
    private AgencyRules.Rule rule;

    @Column(name = "OLD_VALUE", nullable = false)
    private int oldValue;

    @Column(name = "NEW_VALUE", nullable = false)
    private int newValue;

    @Column(name = "CHANGED_BY", nullable = false, length = 200)
    private String changedBy;

    @Column(name = "CHANGED_AT", nullable = false)
    private Instant changedAt;

    protected AgencySettingsChange() {
    }

    public AgencySettingsChange(AgencyRules.Change change, String changedBy, Instant changedAt) {
        AgencyRules.Change what = Require.present("change", change);
        this.rule = what.rule();
        this.oldValue = what.from();
        this.newValue = what.to();
        this.changedBy = Require.text("changedBy", changedBy, 200);
        this.changedAt = Require.present("changedAt", changedAt);
    }

    public AgencyRules.Change getChange() {
        return new AgencyRules.Change(rule, oldValue, newValue);
    }

    public String getChangedBy() {
        return changedBy;
    }

    public Instant getChangedAt() {
        return changedAt;
    }
}
