package org.lorkit.application;

import jakarta.ejb.SessionContext;

/** Who did it, for the audit trail: the authenticated caller, or "system" for timers and start-up work. */
public final class Actor {
    private Actor() {
    }

    public static String of(SessionContext context) {
        String name = context.getCallerPrincipal() == null ? null : context.getCallerPrincipal().getName();
        return name == null || name.isBlank() || "anonymous".equals(name) ? "system" : name;
    }
}
