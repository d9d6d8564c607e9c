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
            Messages.info(!digestWanted ? Messages.text("mySettings.saved.noDigest")
                    : email == null ? Messages.text("mySettings.saved.noEmail")
                    : Messages.text("mySettings.saved.digest", email));
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
