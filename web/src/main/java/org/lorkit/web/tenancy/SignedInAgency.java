package org.lorkit.web.tenancy;

import java.io.Serializable;

/** The caller's agency as pages see it, put in the request by {@link TokenAgencyFilter}. */
public record SignedInAgency(long id, String slug, String name) implements Serializable {
}
