package org.lorkit.web.agency;

import jakarta.faces.view.ViewScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import org.lorkit.application.agency.AgencySettings;
import org.lorkit.application.agency.AgencySettingsService;
import org.lorkit.web.support.Messages;

import java.io.Serializable;
import java.time.ZoneId;
import java.util.List;

/** The agency admin's settings: who mail comes from, the time zone, and the reminder policy. */
@Named
@ViewScoped
public class AgencySettingsPage implements Serializable {
    private static final long serialVersionUID = 1L;
    private static final List<String> ZONES = ZoneId.getAvailableZoneIds().stream()
            .filter(z -> z.startsWith("America/") || z.startsWith("Europe/") || z.startsWith("Asia/") || z.startsWith("Africa/")
                    || z.startsWith("Australia/") || z.startsWith("Pacific/") || z.equals("UTC"))
            .sorted().toList();

    @Inject
    private AgencySettingsService settings;

    private String senderName;
    private String replyTo;
    private String timeZone;
    private Integer firstReminder;
    private Integer secondReminder;
    private Integer notComing;
    private boolean hasLogo;
    private transient jakarta.servlet.http.Part logoFile;

    public void load() {
        if (senderName == null) {
            show(settings.current());
        }
        hasLogo = settings.hasLogo();
    }

    public void uploadLogo() {
        Messages.attempt("logo-form", () -> {
            settings.uploadLogo(org.lorkit.web.support.Uploads.bytes(logoFile, org.lorkit.domain.agency.AgencyLogo.MAX_BYTES, "file", "Choose an image first"));
            hasLogo = true;
            Messages.info("Logo saved: attendings see it on the kit page and in the emails.");
        });
    }

    public void removeLogo() {
        settings.removeLogo();
        hasLogo = false;
        Messages.info("Logo removed.");
    }

    public boolean isHasLogo() {
        return hasLogo;
    }

    public jakarta.servlet.http.Part getLogoFile() {
        return logoFile;
    }

    public void setLogoFile(jakarta.servlet.http.Part logoFile) {
        this.logoFile = logoFile;
    }

    private void show(AgencySettings current) {
        senderName = current.senderName();
        replyTo = current.replyTo();
        timeZone = current.timeZone();
        firstReminder = current.firstReminderAfterKitDays();
        secondReminder = current.secondReminderAfterFirstDays();
        notComing = current.notComingAfterSecondDays();
    }

    public void save() {
        Messages.attempt("settings", () -> {
            show(settings.update(new AgencySettings(senderName, replyTo == null || replyTo.isBlank() ? null : replyTo.strip(), timeZone,
                    orZero(firstReminder), orZero(secondReminder), orZero(notComing))));
            Messages.info("Settings saved. Reminders already planned follow the new policy from the next sweep.");
        });
    }

    private static int orZero(Integer value) {
        return value == null ? 0 : value;
    }

    public List<String> getZones() {
        return ZONES;
    }

    public String getSenderName() {
        return senderName;
    }

    public void setSenderName(String senderName) {
        this.senderName = senderName;
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

    public Integer getFirstReminder() {
        return firstReminder;
    }

    public void setFirstReminder(Integer firstReminder) {
        this.firstReminder = firstReminder;
    }

    public Integer getSecondReminder() {
        return secondReminder;
    }

    public void setSecondReminder(Integer secondReminder) {
        this.secondReminder = secondReminder;
    }

    public Integer getNotComing() {
        return notComing;
    }

    public void setNotComing(Integer notComing) {
        this.notComing = notComing;
    }
}
