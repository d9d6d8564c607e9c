package org.lorkit.web.agency;

import jakarta.faces.view.ViewScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import jakarta.servlet.http.HttpServletRequest;
import org.lorkit.application.cohort.CohortService;
import org.lorkit.application.cohort.CohortSummary;
import org.lorkit.application.letter.LetterRequestService;
import org.lorkit.application.rotation.RotationService;
import org.lorkit.application.rotation.RotationView;
import org.lorkit.application.letter.StateCount;
import org.lorkit.domain.shared.Dates;
import org.lorkit.web.support.Messages;
import org.lorkit.web.tenancy.SignedInAgency;
import org.lorkit.web.tenancy.TokenAgencyFilter;

import java.io.Serializable;
import java.util.List;

/** Staff overview of their agency: cohorts, rotations and when to ask, letters by state. Loaded once per view. */
@Named
@ViewScoped
public class AgencyOverview implements Serializable {
    private static final long serialVersionUID = 1L;
    /** Rotations that ended up to four months ago: late and poor asks still show. */
    private static final int ROTATIONS_DAYS_BACK = 120;

    @Inject
    private CohortService cohorts;
    @Inject
    private RotationService rotations;
    @Inject
    private LetterRequestService letters;
    @Inject
    private HttpServletRequest request;
    @Inject
    private org.lorkit.application.outbox.MailHealth mailHealth;

    private SignedInAgency agency;
    private List<CohortSummary> cohortSummaries = List.of();
    private List<RotationView> currentRotations = List.of();
    private List<StateCount> lettersByState = List.of();
    private org.lorkit.application.outbox.MailHealth.HeldMail heldMail = new org.lorkit.application.outbox.MailHealth.HeldMail(0, null);

    public void load() {
        agency = (SignedInAgency) request.getAttribute(TokenAgencyFilter.AGENCY_ATTRIBUTE);
        if (agency == null) {
            return;
        }
        cohortSummaries = cohorts.summaries();
        currentRotations = rotations.listCurrent(ROTATIONS_DAYS_BACK);
        lettersByState = letters.countByState();
        heldMail = mailHealth.heldMail();
    }

    /** Emails the relay refuses for a reason of setup: they wait, and the page says why. */
    public org.lorkit.application.outbox.MailHealth.HeldMail getHeldMail() {
        return heldMail;
    }

    public SignedInAgency getAgency() {
        return agency;
    }

    public List<CohortSummary> getCohortSummaries() {
        return cohortSummaries;
    }

    public List<RotationView> getCurrentRotations() {
        return currentRotations;
    }

    public List<StateCount> getLettersByState() {
        return lettersByState;
    }

    /** A phrase for the ask window, as a student would want it said. */
    public String windowAdvice(RotationView rotation) {
        var window = rotation.askWindow();
        long days = window.daysToEnd();
        return switch (window.phase()) {
            case TOO_EARLY -> Messages.text("overview.advice.tooEarly", Dates.day(window.idealFrom()));
            case IDEAL -> days == 0 ? Messages.text("overview.advice.endsToday")
                    : days == 1 ? Messages.text("overview.advice.ideal.one", days) : Messages.text("overview.advice.ideal.many", days);
            case ACCEPTABLE -> Messages.text("overview.advice.acceptable", -days, window.daysUntilWindowCloses());
            case LATE -> Messages.text("overview.advice.late", -days);
            case POOR -> Messages.text("overview.advice.poor", -days);
        };
    }

    public String phaseStyle(RotationView rotation) {
        return "phase phase-" + rotation.askWindow().phase().name().toLowerCase().replace('_', '-');
    }
}
