package org.lorkit.web.api;

import jakarta.annotation.security.RolesAllowed;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Request;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.lorkit.application.Roles;
import org.lorkit.application.letter.LetterRequestService;

/** The agency's letter requests with their state, and one with its history. */
@Path("/letter-requests")
@RequestScoped
@RolesAllowed({Roles.AGENCY_STAFF, Roles.AGENCY_ADMIN})
@Produces({MediaType.APPLICATION_JSON, ApiProblem.MEDIA_TYPE})
@Tag(name = "letter requests")
public class LetterRequestsResource {
    @Inject
    LetterRequestService letters;
    @Context
    UriInfo uri;
    @Context
    Request request;

    @GET
    @Operation(summary = "The agency's letter requests with their state, a page at a time, by id")
    @APIResponse(responseCode = "200", description = "A page, with an ETag; 304 when If-None-Match has it")
    public Response list(@Parameter(description = "From 1") @QueryParam("page") Integer page,
                         @Parameter(description = "1 to 100, 25 unless given") @QueryParam("size") Integer size) {
        Paging paging = Paging.of(page, size);
        return Representations.page(paging.body(letters.list(paging.first(), paging.size()),
                r -> ApiShapes.LetterRequest.of(r, null), uri), request);
    }

    @GET
    @Path("/{id}")
    @Operation(summary = "One letter request with its history; another agency's is 404, like a missing one")
    public Response read(@PathParam("id") long id) {
        ApiShapes.LetterRequest found = letters.find(id).map(r -> ApiShapes.LetterRequest.of(r, letters.history(id)))
                .orElseThrow(() -> NotFound.of("letter request", id));
        return Representations.read(found, request);
    }
}
