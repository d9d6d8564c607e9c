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
import org.lorkit.application.roster.StudentRecord;
import org.lorkit.application.student.StudentService;

/** The agency's students: listed a page at a time, read, enrolled and corrected by the roster import's rules. */
@Path("/students")
@RequestScoped
@RolesAllowed({Roles.AGENCY_STAFF, Roles.AGENCY_ADMIN})
@Produces({MediaType.APPLICATION_JSON, ApiProblem.MEDIA_TYPE})
@Tag(name = "students")
public class StudentsResource {
    @Inject
    StudentService students;
    @Inject
    RosterRecords roster;
    @Context
    UriInfo uri;
    @Context
    Request request;

    @GET
    @Operation(summary = "The agency's students, a page at a time, by id")
    @APIResponse(responseCode = "200", description = "A page, with an ETag; 304 when If-None-Match has it")
    public Response list(@Parameter(description = "From 1") @QueryParam("page") Integer page,
                         @Parameter(description = "1 to 100, 25 unless given") @QueryParam("size") Integer size) {
        Paging paging = Paging.of(page, size);
        return Representations.page(paging.body(students.list(paging.first(), paging.size()), ApiShapes.Student::of, uri), request);
    }

    @GET
    @Path("/{id}")
    @Operation(summary = "One student; another agency's is 404, like a missing one")
    public Response read(@PathParam("id") long id) {
        return Representations.read(students.find(id).map(ApiShapes.Student::of).orElseThrow(() -> NotFound.of("student", id)), request);
    }

    @POST
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(summary = "Enrols a student, checked as a roster file's row is: every field refused comes back at once")
    @APIResponse(responseCode = "201", description = "Enrolled; Location is its address")
    @APIResponse(responseCode = "400", description = "A problem with an errors array of {field, message}")
    public Response create(StudentRecord student) {
        ApiShapes.Student created = ApiShapes.Student.of(roster.createStudent(student));
        return Response.created(uri.getAbsolutePathBuilder().path(String.valueOf(created.id())).build()).entity(created).build();
    }

    @PUT
    @Path("/{id}")
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(summary = "Corrects a student's name, school, country and target specialties (email and cohort stay)")
    public ApiShapes.Student update(@PathParam("id") long id, StudentRecord student) {
        return ApiShapes.Student.of(roster.updateStudent(id, student));
    }
}
