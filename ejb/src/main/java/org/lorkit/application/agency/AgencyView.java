package org.lorkit.application.agency;

import java.io.Serializable;
import org.lorkit.domain.agency.Agency;

public record AgencyView(long id, String slug, String name, String senderName, String replyTo, String timeZone) implements Serializable {
    public static AgencyView of(Agency a) {
        return new AgencyView(a.getId(), a.getSlug(), a.getName(), a.getSenderName(), a.getReplyTo(), a.getTimeZone().getId());
    }
}
