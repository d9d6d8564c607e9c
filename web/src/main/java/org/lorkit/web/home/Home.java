package org.lorkit.web.home;

import jakarta.enterprise.context.RequestScoped;
import jakarta.faces.context.ExternalContext;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import org.lorkit.application.Roles;

/** After sign-in each person goes on to their own start page, by the roles of their login. */
@Named
@RequestScoped
public class Home {
    @Inject
    private ExternalContext external;

    /** The front door ("/") is open to everyone; who is already signed in goes on to their start page. */
    public String routeSignedIn() {
        return external.getRemoteUser() == null ? null : route();
    }

    /** home.xhtml, where "Sign in" leads: the sign-in itself, then the start page of the login's role. */
    public String route() {
        if (external.isUserInRole(Roles.AGENCY_STAFF) || external.isUserInRole(Roles.AGENCY_ADMIN)) {
            return "/agency/overview?faces-redirect=true";
        }
        if (external.isUserInRole(Roles.STUDENT)) {
            return "/student/home?faces-redirect=true";
        }
        if (external.isUserInRole(Roles.PLATFORM_OPERATOR)) {
            return "/operator/agencies?faces-redirect=true";
        }
        return null;
    }
}
