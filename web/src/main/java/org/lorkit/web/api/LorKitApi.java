package org.lorkit.web.api;

import jakarta.ws.rs.ApplicationPath;
import jakarta.ws.rs.core.Application;
import org.eclipse.microprofile.openapi.annotations.OpenAPIDefinition;
import org.eclipse.microprofile.openapi.annotations.enums.SecuritySchemeType;
import org.eclipse.microprofile.openapi.annotations.info.Info;
import org.eclipse.microprofile.openapi.annotations.security.SecurityRequirement;
import org.eclipse.microprofile.openapi.annotations.security.SecurityScheme;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/** The API's root: every resource of this package, under /api/v1. WildFly serves its OpenAPI document at /openapi. */
@ApplicationPath(LorKitApi.ROOT)
@OpenAPIDefinition(
        info = @Info(title = "LorKit API", version = "1",
                description = "Students, rotations, letter requests and a cohort's dashboard figures of the caller's own agency. "
                        + "Lists come a page at a time (?page=1&size=25, at most 100) with an ETag; errors are RFC 9457 "
                        + "problem details. See docs/api.md."),
        security = @SecurityRequirement(name = LorKitApi.BEARER),
        tags = {@Tag(name = "students"), @Tag(name = "rotations"), @Tag(name = "letter requests"), @Tag(name = "cohorts")})
@SecurityScheme(securitySchemeName = LorKitApi.BEARER, type = SecuritySchemeType.HTTP, scheme = "bearer", bearerFormat = "JWT",
        description = "An access token from LorKit's Keycloak realm: for an agency's system, the client credentials grant of an "
                + "API client its admin made on the settings page (POST {realm}/protocol/openid-connect/token with "
                + "grant_type=client_credentials); it lives 5 minutes. Staff's own tokens work too.")
public class LorKitApi extends Application {
    public static final String ROOT = "/api/v1";
    static final String BEARER = "bearer";
}
