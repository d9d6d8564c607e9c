package org.lorkit.it;


/** The logins the integration tests act as; each is a run-as EJB ({@code AsOperator}, {@code AsStaff}, ...). */
final class Identities {
    static final String OWNER_STUDENT = "owner@student.example";
    static final String OTHER_STUDENT = "other@student.example";

    private Identities() {
    }
}
