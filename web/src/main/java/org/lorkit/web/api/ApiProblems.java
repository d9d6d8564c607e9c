package org.lorkit.web.api;

import jakarta.ejb.EJBAccessException;
import jakarta.ejb.EJBException;
import jakarta.json.bind.JsonbException;
import jakarta.validation.ConstraintViolation;
import jakarta.validation.ConstraintViolationException;
import jakarta.validation.Path;
import jakarta.ws.rs.ForbiddenException;
import jakarta.ws.rs.NotAuthorizedException;
import jakarta.ws.rs.NotFoundException;
import jakarta.ws.rs.ProcessingException;
import jakarta.ws.rs.WebApplicationException;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.ext.ExceptionMapper;
import jakarta.ws.rs.ext.Provider;
import org.lorkit.domain.shared.DomainException;
import org.lorkit.domain.shared.FieldProblems;

import java.util.List;
import java.util.UUID;
import java.util.logging.Level;
import java.util.logging.Logger;
import java.util.regex.Pattern;

/**
 * The API's one way to answer an error: an RFC 9457 problem detail, never a stack trace or the container's HTML page.
 * A rule's refusal and a refused field are 400 with each field's words, the one "not found" (also for another agency's
 * record, as {@code TenantData.require} words it) is 404, a caller without the role is 403, and anything unforeseen is
 * 500 with an id to find it in the log.
 */
@Provider
public class ApiProblems implements ExceptionMapper<Throwable> {
    private static final Logger LOG = Logger.getLogger(ApiProblems.class.getName());
    /** The words of {@code Finder.notFound}: "No student with id 52". */
    private static final Pattern NOT_FOUND = Pattern.compile("No [a-z ]+ with id \\S+");

    /** The kinds of problem, each a stable type URI a client may switch on. */
    public enum Kind {
        VALIDATION(400, "Some of what was sent is not valid"),
        REFUSED(409, "LorKit's rules refused the request"),
        UNREADABLE(400, "The request could not be read"),
        UNAUTHORIZED(401, "A bearer token is needed"),
        FORBIDDEN(403, "The caller may not do this"),
        NOT_FOUND(404, "Not found"),
        HTTP(0, null),
        INTERNAL(500, "Something went wrong on LorKit's side");

        final int status;
        final String title;

        Kind(int status, String title) {
            this.status = status;
            this.title = title;
        }

        public String type() {
            return "urn:lorkit:problem:" + name().toLowerCase(java.util.Locale.ROOT).replace('_', '-');
        }
    }

    @Override
    public Response toResponse(Throwable thrown) {
        ApiProblem problem = describe(thrown);
        return Response.status(problem.status()).type(ApiProblem.MEDIA_TYPE).entity(problem).build();
    }

    /** The problem that answers what was thrown. */
    static ApiProblem describe(Throwable thrown) {
        Throwable e = unwrap(thrown);
        if (e instanceof FieldProblems problems) {
            return problem(Kind.VALIDATION, problems.getMessage(), problems.problems().stream()
                    .map(p -> new ApiProblem.FieldError(p.field(), p.message())).toList());
        }
        if (e instanceof DomainException refused) {
            if (NOT_FOUND.matcher(refused.getMessage()).matches()) {
                return problem(Kind.NOT_FOUND, refused.getMessage(), null);
            }
            if (refused.field() != null) {
                return problem(Kind.VALIDATION, refused.getMessage(), List.of(new ApiProblem.FieldError(refused.field(), refused.getMessage())));
            }
            return problem(Kind.REFUSED, refused.getMessage(), null);
        }
        if (e instanceof ConstraintViolationException invalid) {
            List<ApiProblem.FieldError> errors = invalid.getConstraintViolations().stream()
                    .map(v -> new ApiProblem.FieldError(field(v), v.getMessage())).toList();
            return problem(Kind.VALIDATION, errors.isEmpty() ? "Not valid" : errors.get(0).message(), errors);
        }
        if (e instanceof EJBAccessException || e instanceof ForbiddenException) {
            return problem(Kind.FORBIDDEN, "This needs the role of the agency's staff", null);
        }
        if (e instanceof NotAuthorizedException) {
            return problem(Kind.UNAUTHORIZED, "Send an access token from LorKit's Keycloak: Authorization: Bearer <token>", null);
        }
        if (e instanceof NotFoundException) {
            return problem(Kind.NOT_FOUND, "No such address in the API; GET /openapi lists every one", null);
        }
        if (e instanceof JsonbException || e instanceof ProcessingException) {
            return problem(Kind.UNREADABLE, UNREADABLE, null);
        }
        if (e instanceof WebApplicationException web && web.getResponse() != null && web.getResponse().getStatus() < 500) {
            Response.StatusType status = web.getResponse().getStatusInfo();
            if (web.getCause() instanceof JsonbException || web.getCause() instanceof ProcessingException || status.getStatusCode() == 400) {
                return problem(Kind.UNREADABLE, UNREADABLE, null);
            }
            return new ApiProblem(Kind.HTTP.type(), status.getReasonPhrase(), status.getStatusCode(), null, null);
        }
        String incident = UUID.randomUUID().toString();
        LOG.log(Level.SEVERE, "API request failed (incident " + incident + ")", thrown);
        return problem(Kind.INTERNAL, "The request could not be completed; nothing was half-saved. Incident " + incident
                + " is in LorKit's log.", null);
    }

    private static final String UNREADABLE = "The body is not JSON of the shape this address takes (see /openapi)";

    static ApiProblem problem(Kind kind, String detail, List<ApiProblem.FieldError> errors) {
        return new ApiProblem(kind.type(), kind.title, kind.status, detail, errors);
    }

    /** The exception the service threw, out of the EJB container's wrapping. */
    private static Throwable unwrap(Throwable thrown) {
        Throwable e = thrown;
        while (e instanceof EJBException && e.getCause() != null) {
            e = e.getCause();
        }
        return e;
    }

    /** The last name of the violation's path: the parameter or field ("size"), not the method it belongs to. */
    private static String field(ConstraintViolation<?> violation) {
        String last = null;
        for (Path.Node node : violation.getPropertyPath()) {
            if (node.getName() != null) {
                last = node.getName();
            }
        }
        return last;
    }
}
