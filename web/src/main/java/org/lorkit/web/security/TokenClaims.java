package org.lorkit.web.security;

import jakarta.servlet.http.HttpServletRequest;
import org.wildfly.security.http.oidc.OidcPrincipal;
import org.wildfly.security.http.oidc.OidcSecurityContext;

import java.util.List;
import java.util.Optional;

/** Claims of the token WildFly's OIDC mechanism has verified for this request. */
public final class TokenClaims {
    static final String ORGANIZATION_CLAIM = "organization";

    private TokenClaims() {
    }

    public static Optional<OidcSecurityContext> context(HttpServletRequest request) {
        if (request.getUserPrincipal() instanceof OidcPrincipal<?> principal) {
            return Optional.ofNullable(principal.getOidcSecurityContext());
        }
        return Optional.empty();
    }

    /**
     * The alias of the caller's organization (agency). A member of exactly one organization has one;
     * anything else (none, or an ambiguous several) gives no agency.
     */
    public static Optional<String> organization(HttpServletRequest request) {
        return context(request).map(OidcSecurityContext::getToken).flatMap(token -> {
            if (!token.hasClaim(ORGANIZATION_CLAIM)) {
                return Optional.empty();
            }
            List<String> organizations = token.getStringListClaimValue(ORGANIZATION_CLAIM);
            return organizations.size() == 1 ? Optional.of(organizations.get(0)) : Optional.empty();
        });
    }
}
