package org.lorkit.application.provisioning;

import org.lorkit.infrastructure.keycloak.KeycloakDirectory;
import org.lorkit.infrastructure.keycloak.MemberPaging;

import java.io.Serializable;

/** A login of the agency as the people page shows it: Keycloak's user, without Keycloak's types. */
public record Member(String id, String email, String firstName, String lastName, boolean enabled) implements Serializable {
    /** The largest page of members a caller may ask for. */
    public static final int MAX_PAGE = MemberPaging.MAX_PAGE;

    static Member of(KeycloakDirectory.Member login) {
        return new Member(login.id(), login.email(), login.firstName(), login.lastName(), login.enabled());
    }

    /** What a typed search asks for: the words without surrounding spaces, or null for everyone. */
    public static String search(String typed) {
        return MemberPaging.search(typed);
    }
}
