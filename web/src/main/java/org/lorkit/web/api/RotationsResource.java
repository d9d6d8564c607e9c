package org.lorkit.web.api;

import jakarta.annotation.security.RolesAllowed;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.PUT;
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
import org.lorkit.application.roster.RosterRecords;
import org.lorkit.application.roster.RotationRecord;
import org.lorkit.application.rotation.RotationService;

/** The agency's rotations: listed, read, placed and corrected by the roster import's rules. */
@Path("/rotations")
@RequestScoped
@RolesAllowed({Roles.AGENCY_STAFF, Roles.AGENCY_ADMIN})
@Produces({MediaType.APPLICATION_JSON, ApiProblem.MEDIA_TYPE})
@Tag(name = "rotations")
public class RotationsResource {
    @Inject
    RotationService rotations;
    @Inject
    RosterRecords roster;
    @Context
    UriInfo uri;
    @Context
    Request request;

    @GET
    @Operation(summary = "The agency's rotations, a page at a time, by id, each with its ask window as of today")
    @APIResponse(responseCode = "200", description = "A page, with an ETag; 304 when If-None-Match has it")
    public Response list(@Parameter(description = "From 1") @QueryParam("page") Integer page,
                         @Parameter(description = "1 to 100, 25 unless given") @QueryParam("size") Integer size) {
        Paging paging = Paging.of(page, size);
        return Representations.page(paging.body(rotations.list(paging.first(), paging.size()), ApiShapes.Rotation::of, uri), request);
    }

    @GET
    @Path("/{id}")
    @Operation(summary = "One rotation; another agency's is 404, like a missing one")
    public Response read(@PathParam("id") long id) {
        return Representations.read(rotations.find(id).map(ApiShapes.Rotation::of).orElseThrow(() -> NotFound.of("rotation", id)), request);
    }

    @POST
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(summary = "Places a student on a rotation under an attending, checked as a roster file's row is")
    @APIResponse(responseCode = "201", description = "Placed; Location is its address")
    @APIResponse(responseCode = "400", description = "A problem with an errors array of {field, message}")
    public Response create(RotationRecord rotation) {
        ApiShapes.Rotation created = ApiShapes.Rotation.of(roster.createRotation(rotation));
        return Response.created(uri.getAbsolutePathBuilder().path(String.valueOf(created.id())).build()).entity(created).build();
    }

    @PUT
    @Path("/{id}")
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(summary = "Corrects a rotation's site, specialty, setting, kind and dates (its student and supervisors stay)")
    public ApiShapes.Rotation update(@PathParam("id") long id, RotationRecord rotation) {
        return ApiShapes.Rotation.of(roster.updateRotation(id, rotation));
    }
}
