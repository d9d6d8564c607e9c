package org.lorkit.web.agency;

import jakarta.faces.view.ViewScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import org.lorkit.application.agency.StaffEmailSettings;
import org.lorkit.application.agency.StaffPreferenceService;
import org.lorkit.domain.shared.DomainException;
import org.lorkit.web.support.Messages;

import java.io.Serializable;

/**
 * A staff member's own settings (every staff member's, not only admins'): whether LorKit sends them the daily digest.
 * The service finds the caller's own login; nothing on the page names whose settings these are.
 */
@Named
@ViewScoped
public class MySettingsPage implements Serializable {
    private static final long serialVersionUID = 1L;

    @Inject
    private StaffPreferenceService preferences;

    private String email;
    private boolean digestWanted;
    private boolean loaded;
    /** Why the settings cannot be shown: the login is not found among the agency's staff, or Keycloak does not answer. */
    private String problem;

    public void load() {
        if (loaded) {
            return;
        }
        try {
            show(preferences.mine());
            loaded = true;
        } catch (DomainException e) {
            problem = e.getMessage();
        }
    }

    public void save() {
        Messages.attempt("my-settings", () -> {
            show(preferences.changeDigest(digestWanted));
            Messages.info(!digestWanted ? "Saved: no more daily digest. Tick the box again to get it back."
                    : email == null ? "Saved. Your login has no email address, so no digest can reach you until your agency's admin adds one."
                    : "Saved: you will get the daily digest each morning at " + email + ".");
        });
    }

    private void show(StaffEmailSettings settings) {
        email = settings.email();
        digestWanted = settings.digestWanted();
    }

    public String getEmail() {
        return email;
    }

    public boolean isDigestWanted() {
        return digestWanted;
    }

    public void setDigestWanted(boolean digestWanted) {
        this.digestWanted = digestWanted;
    }

    public boolean isLoaded() {
        return loaded;
    }

    public String getProblem() {
        return problem;
    }
}
