package org.lorkit.application.agency;

import java.io.Serializable;

/** A staff member's own choices about LorKit's mail to them, and the address it goes to (Keycloak's). */
public record StaffEmailSettings(String email, boolean digestWanted) implements Serializable {
}
