package org.lorkit.web.operator;

import jakarta.faces.view.ViewScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import org.lorkit.application.agency.AgencyService;
import org.lorkit.application.agency.AgencyView;
import org.lorkit.application.agency.NewAgency;
import org.lorkit.application.provisioning.ProvisioningService;
import org.lorkit.web.support.Messages;

import java.io.Serializable;
import java.util.List;

/** Every agency on the platform, and the form that creates one with its Keycloak organization. */
@Named
@ViewScoped
public class OperatorAgencies implements Serializable {
    private static final long serialVersionUID = 1L;
    public static final List<String> TIME_ZONES = List.of("America/New_York", "America/Chicago", "America/Denver",
            "America/Phoenix", "America/Los_Angeles", "America/Anchorage", "Pacific/Honolulu", "UTC");

    @Inject
    private AgencyService agencies;
    @Inject
    private ProvisioningService provisioning;

    private List<AgencyView> all = List.of();
    private String slug;
    private String name;
    private String replyTo;
    private String timeZone = "America/New_York";

    public void load() {
        all = agencies.list();
    }

    public void create() {
        Messages.attempt("new-agency", () -> {
            AgencyView created = provisioning.createAgency(new NewAgency(slug, name, replyTo, timeZone));
            Messages.info(Messages.text("operator.created", created.name(), created.slug()));
            slug = null;
            name = null;
            replyTo = null;
            load();
        });
    }

    public List<AgencyView> getAll() {
        return all;
    }

    public List<String> getTimeZones() {
        return TIME_ZONES;
    }

    public String getSlug() {
        return slug;
    }

    public void setSlug(String slug) {
        this.slug = slug;
    }

    public String getName() {
        return name;
    }

    public void setName(String name) {
        this.name = name;
    }

    public String getReplyTo() {
        return replyTo;
    }

    public void setReplyTo(String replyTo) {
        this.replyTo = replyTo;
    }

    public String getTimeZone() {
        return timeZone;
    }

    public void setTimeZone(String timeZone) {
        this.timeZone = timeZone;
    }
}
