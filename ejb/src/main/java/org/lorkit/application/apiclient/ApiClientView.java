package org.lorkit.application.apiclient;

import org.lorkit.domain.apiclient.ApiClient;
import org.lorkit.domain.shared.Dates;

import java.io.Serializable;
import java.time.Instant;
import java.time.ZoneId;

/** An API client as the settings page lists it: times on the agency's calendar. */
public record ApiClientView(long id, String name, String clientId, String createdBy, Instant createdAt, String revokedBy,
                            Instant revokedAt, ZoneId zone) implements Serializable {
    public static ApiClientView of(ApiClient c, ZoneId zone) {
        return new ApiClientView(c.getId(), c.getName(), c.getClientId(), c.getCreatedBy(), c.getCreatedAt(), c.getRevokedBy(),
                c.getRevokedAt(), zone);
    }

    public boolean isActive() {
        return revokedAt == null;
    }

    public String created() {
        return Dates.moment(createdAt, zone);
    }

    public String revoked() {
        return revokedAt == null ? "" : Dates.moment(revokedAt, zone);
    }
}
