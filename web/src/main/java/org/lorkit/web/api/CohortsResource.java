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
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.lorkit.application.Page;
import org.lorkit.application.Roles;
import org.lorkit.application.cohort.CohortService;
import org.lorkit.application.cohort.CohortView;
import org.lorkit.application.dashboard.CompletionDashboard;

import java.util.Comparator;
import java.util.List;

/** The agency's cohorts, and the dashboard's figures of one. */
@Path("/cohorts")
@RequestScoped
@RolesAllowed({Roles.AGENCY_STAFF, Roles.AGENCY_ADMIN})
@Produces({MediaType.APPLICATION_JSON, ApiProblem.MEDIA_TYPE})
@Tag(name = "cohorts")
public class CohortsResource {
    @Inject
    CohortService cohorts;
    @Inject
    CompletionDashboard dashboard;
    @Context
    UriInfo uri;
    @Context
    Request request;

    @GET
    @Operation(summary = "The agency's cohorts, archived ones too, a page at a time, by id")
    public Response list(@Parameter(description = "From 1") @QueryParam("page") Integer page,
                         @Parameter(description = "1 to 100, 25 unless given") @QueryParam("size") Integer size) {
        Paging paging = Paging.of(page, size);
        // An agency has a few cohorts a year: they are read whole and paged here.
        List<CohortView> all = cohorts.listAll().stream().sorted(Comparator.comparingLong(CohortView::id)).toList();
        List<CohortView> items = all.stream().skip(paging.first()).limit(paging.size()).toList();
        return Representations.page(paging.body(new Page<>(items, paging.first(), all.size()), ApiShapes.Cohort::of, uri), request);
    }

    @GET
    @Path("/{id}/dashboard")
    @Operation(summary = "The dashboard's headline figures of the cohort: students per standing, letters per state, the funnel")
    public Response dashboard(@PathParam("id") long id) {
        if (cohorts.find(id).isEmpty()) {
            throw NotFound.of("cohort", id);
        }
        return Representations.read(ApiShapes.Dashboard.of(id, dashboard.figures(id)), request);
    }
}
