package org.lorkit.web.agency;

import jakarta.faces.view.ViewScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import org.lorkit.application.agency.AgencySettings;
import org.lorkit.application.agency.AgencySettingsService;
import org.lorkit.application.agency.LetterRules;
import org.lorkit.domain.agency.AgencyRules;
import org.lorkit.web.support.Messages;

import java.io.Serializable;
import java.time.ZoneId;
import java.util.Arrays;
import java.util.List;

/**
 * The agency admin's settings: who mail comes from, the time zone, and the numbers of the letter rules (each with its
 * bound in words next to it; a number out of bounds is refused next to its field, the input kept), and what was changed
 * of those numbers, by whom and when.
 */
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
    private Integer idealLastDays;
    private Integer acceptableWeeksAfterEnd;
    private Integer contactMinimumDays;
    private Integer contactIdealDays;
    private Integer kitDeadlineDays;
    private Integer kitDeadlineShortestDays;
    private Integer kitDeadlineLongestDays;
    private Integer firstReminderAfterKitDays;
    private Integer secondReminderAfterFirstDays;
    private Integer notComingAfterSecondDays;
    private Integer atRiskHorizonDays;
    private List<AgencySettingsService.SettingsChange> history = List.of();
    private boolean hasLogo;
    private transient jakarta.servlet.http.Part logoFile;

    public void load() {
        if (senderName == null) {
            show(settings.current());
        }
        hasLogo = settings.hasLogo();
        history = settings.history();
    }

    public void uploadLogo() {
        Messages.attempt("logo-form", () -> {
            settings.uploadLogo(org.lorkit.web.support.Uploads.bytes(logoFile, org.lorkit.domain.agency.AgencyLogo.MAX_BYTES, "file", Messages.text("settings.logo.chooseFirst")));
            hasLogo = true;
            Messages.info(Messages.text("settings.logo.saved"));
        });
    }

    public void removeLogo() {
        settings.removeLogo();
        hasLogo = false;
        Messages.info(Messages.text("settings.logo.removed"));
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
        LetterRules rules = current.rules();
        idealLastDays = rules.idealLastDays();
        acceptableWeeksAfterEnd = rules.acceptableWeeksAfterEnd();
        contactMinimumDays = rules.contactMinimumDays();
        contactIdealDays = rules.contactIdealDays();
        kitDeadlineDays = rules.kitDeadlineDays();
        kitDeadlineShortestDays = rules.kitDeadlineShortestDays();
        kitDeadlineLongestDays = rules.kitDeadlineLongestDays();
        firstReminderAfterKitDays = rules.firstReminderAfterKitDays();
        secondReminderAfterFirstDays = rules.secondReminderAfterFirstDays();
        notComingAfterSecondDays = rules.notComingAfterSecondDays();
        atRiskHorizonDays = rules.atRiskHorizonDays();
    }

    public void save() {
        Messages.attempt("settings", () -> {
            show(settings.update(new AgencySettings(senderName, replyTo == null || replyTo.isBlank() ? null : replyTo.strip(), timeZone,
                    new LetterRules(orZero(idealLastDays), orZero(acceptableWeeksAfterEnd), orZero(contactMinimumDays),
                            orZero(contactIdealDays), orZero(kitDeadlineDays), orZero(kitDeadlineShortestDays),
                            orZero(kitDeadlineLongestDays), orZero(firstReminderAfterKitDays), orZero(secondReminderAfterFirstDays),
                            orZero(notComingAfterSecondDays), orZero(atRiskHorizonDays)))));
            history = settings.history();
            Messages.info(Messages.text("settings.saved"));
        });
    }

    /** A number's bound and why, in words, shown next to its field. */
    public String bound(String field) {
        return Arrays.stream(AgencyRules.Rule.values()).filter(r -> r.field().equals(field)).findFirst()
                .map(AgencyRules.Rule::bound).orElseThrow(() -> new IllegalArgumentException("No letter rule " + field));
    }

    /** The guides' number, shown as the default. */
    public int defaultOf(String field) {
        return Arrays.stream(AgencyRules.Rule.values()).filter(r -> r.field().equals(field)).findFirst()
                .map(AgencyRules.Rule::defaultValue).orElseThrow(() -> new IllegalArgumentException("No letter rule " + field));
    }

    public List<AgencySettingsService.SettingsChange> getHistory() {
        return history;
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

    public Integer getIdealLastDays() {
        return idealLastDays;
    }

    public void setIdealLastDays(Integer idealLastDays) {
        this.idealLastDays = idealLastDays;
    }

    public Integer getAcceptableWeeksAfterEnd() {
        return acceptableWeeksAfterEnd;
    }

    public void setAcceptableWeeksAfterEnd(Integer acceptableWeeksAfterEnd) {
        this.acceptableWeeksAfterEnd = acceptableWeeksAfterEnd;
    }

    public Integer getContactMinimumDays() {
        return contactMinimumDays;
    }

    public void setContactMinimumDays(Integer contactMinimumDays) {
        this.contactMinimumDays = contactMinimumDays;
    }

    public Integer getContactIdealDays() {
        return contactIdealDays;
    }

    public void setContactIdealDays(Integer contactIdealDays) {
        this.contactIdealDays = contactIdealDays;
    }

    public Integer getKitDeadlineDays() {
        return kitDeadlineDays;
    }

    public void setKitDeadlineDays(Integer kitDeadlineDays) {
        this.kitDeadlineDays = kitDeadlineDays;
    }

    public Integer getKitDeadlineShortestDays() {
        return kitDeadlineShortestDays;
    }

    public void setKitDeadlineShortestDays(Integer kitDeadlineShortestDays) {
        this.kitDeadlineShortestDays = kitDeadlineShortestDays;
    }

    public Integer getKitDeadlineLongestDays() {
        return kitDeadlineLongestDays;
    }

    public void setKitDeadlineLongestDays(Integer kitDeadlineLongestDays) {
        this.kitDeadlineLongestDays = kitDeadlineLongestDays;
    }

    public Integer getFirstReminderAfterKitDays() {
        return firstReminderAfterKitDays;
    }

    public void setFirstReminderAfterKitDays(Integer firstReminderAfterKitDays) {
        this.firstReminderAfterKitDays = firstReminderAfterKitDays;
    }

    public Integer getSecondReminderAfterFirstDays() {
        return secondReminderAfterFirstDays;
    }

    public void setSecondReminderAfterFirstDays(Integer secondReminderAfterFirstDays) {
        this.secondReminderAfterFirstDays = secondReminderAfterFirstDays;
    }

    public Integer getNotComingAfterSecondDays() {
        return notComingAfterSecondDays;
    }

    public void setNotComingAfterSecondDays(Integer notComingAfterSecondDays) {
        this.notComingAfterSecondDays = notComingAfterSecondDays;
    }

    public Integer getAtRiskHorizonDays() {
        return atRiskHorizonDays;
    }

    public void setAtRiskHorizonDays(Integer atRiskHorizonDays) {
        this.atRiskHorizonDays = atRiskHorizonDays;
    }
}
