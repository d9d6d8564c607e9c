package org.lorkit.application;

/** The realm roles of LorKit's Keycloak realm, as @RolesAllowed names them. */
public final class Roles {
    public static final String PLATFORM_OPERATOR = "platform-operator";
    public static final String AGENCY_ADMIN = "agency-admin";
    public static final String AGENCY_STAFF = "agency-staff";
    public static final String STUDENT = "student";
    /** Every role that means something to LorKit (a realm may hold others, such as Keycloak's defaults). */
    public static final java.util.Set<String> ALL = java.util.Set.of(PLATFORM_OPERATOR, AGENCY_ADMIN, AGENCY_STAFF, STUDENT);

    private Roles() {
    }
}
