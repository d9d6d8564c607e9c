package org.lorkit.it.support;


/** The logins the integration tests act as; each is a run-as EJB ({@code AsOperator}, {@code AsStaff}, ...). */
public final class Identities {
    public static final String OWNER_STUDENT = "owner@student.example";
    public static final String OTHER_STUDENT = "other@student.example";

    private Identities() {
    }
}
