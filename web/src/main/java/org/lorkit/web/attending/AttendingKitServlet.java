package org.lorkit.web.attending;

import jakarta.inject.Inject;
import jakarta.servlet.annotation.WebServlet;
import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.validation.ConstraintViolationException;
import org.lorkit.application.link.AttendingLinkService;
import org.lorkit.application.link.AttendingLinkService.Answer;
import org.lorkit.application.link.AttendingLinkService.KitPage;
import org.lorkit.application.link.AttendingLinkService.Problem;
import org.lorkit.application.link.AttendingLinkService.Visit;
import org.lorkit.domain.link.LinkPurpose;
import org.lorkit.domain.shared.Dates;
import org.lorkit.domain.shared.DomainException;
import org.lorkit.web.support.Messages;
import org.lorkit.web.tenancy.SignedInAgency;
import org.lorkit.web.tenancy.TokenAgencyFilter;

import java.io.IOException;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * The attending's kit page and one-click confirm page, at the addresses the emails carry (an exact mapping, which wins
 * over the Faces servlet's {@code *.xhtml}). A GET shows the page and changes nothing; each answer is a button of the
 * page's one form, posted to the same address, safe to press twice, with an undo. The link's token is read from the
 * address only, never from the form: the page answers for the link it was opened with. That token is also what
 * guards the form against a forged post: another site cannot post to a link it does not know, and whoever knows it
 * can do with it what the attending can; a second secret in the form would add nothing.
 *
 * <p>Drawn with FreeMarker ({@link AttendingTemplates}) instead of JSF: no session, no view state, no component tree,
 * and the kit, drawn once per link and version ({@link RenderedKits}), costs a visit one query.
 */
@WebServlet(urlPatterns = {AttendingKitServlet.KIT, AttendingKitServlet.CONFIRM})
public class AttendingKitServlet extends HttpServlet {
    private static final long serialVersionUID = 1L;
    static final String KIT = "/a/kit.xhtml";
    static final String CONFIRM = "/a/confirm.xhtml";
    /** The problems whose page offers a fresh link: the link was real. */
    private static final Set<Problem> FRESH_LINK_OFFERED = Set.of(Problem.EXPIRED, Problem.REVOKED, Problem.WRONG_PURPOSE);

    @Inject
    private AttendingLinkService links;
    @Inject
    private AttendingTemplates templates;
    @Inject
    private RenderedKits rendered;

    /**
     * The JSF pages' Content-Security-Policy (web.xml's {@code primefaces.CSP_POLICY}), read from the one place it is
     * declared. These pages run no script at all, so they need no nonce; their forms post only to LorKit.
     */
    private String policy;

    @Override
    public void init() {
        policy = "form-action 'self'; " + getServletContext().getInitParameter("primefaces.CSP_POLICY");
    }

    @Override
    protected void doGet(HttpServletRequest request, HttpServletResponse response) throws IOException {
        String token = tokenOf(request);
        Visit visit = links.open(token, purposeOf(request), request.getRemoteAddr());
        respond(request, response, token, visit, Reply.NONE);
    }

    @Override
    protected void doPost(HttpServletRequest request, HttpServletResponse response) throws IOException {
        request.setCharacterEncoding(StandardCharsets.UTF_8.name());
        String token = tokenOf(request);
        LinkPurpose purpose = purposeOf(request);
        String client = request.getRemoteAddr();
        String pressed = Optional.ofNullable(request.getParameter("answer")).orElse("");
        String remindOn = trimmed(request.getParameter("remindOn"));
        String note = request.getParameter("note");
        Reply typed = new Reply(null, null, Map.of(), remindOn, note, false);

        if (pressed.equals("fresh")) {
            Visit visit = links.open(token, purpose, client);
            if (FRESH_LINK_OFFERED.contains(visit.problem())) {
                links.sendFreshLink(token, client);
                respond(request, response, token, visit, typed.withFreshLinkSent());
                return;
            }
            respond(request, response, token, visit, Reply.NONE);
            return;
        }
        Optional<Answer> answer = answerOf(pressed);
        if (answer.isEmpty()) {
            respond(request, response, token, links.open(token, purpose, client), typed);
            return;
        }
        LocalDate day = null;
        if (answer.get() == Answer.REMIND_ON) {
            Optional<LocalDate> parsed = remindOn == null ? Optional.empty() : Dates.parse(remindOn);
            if (parsed.isEmpty()) {
                String why = remindOn == null ? Messages.text("attendingKit.chooseDay")
                        : Messages.text("common.notADate", remindOn, Dates.INPUT_HINT);
                respond(request, response, token, links.open(token, purpose, client), typed.refused("remindOn", why));
                return;
            }
            day = parsed.get();
        }
        Visit visit;
        try {
            visit = links.answer(token, purpose, answer.get(), day, note, client);
        } catch (DomainException refusal) {
            respond(request, response, token, links.open(token, purpose, client), typed.refused(refusal.field(), refusal.getMessage()));
            return;
        } catch (ConstraintViolationException refusal) {
            String why = refusal.getConstraintViolations().stream().map(v -> v.getMessage()).findFirst().orElse(refusal.getMessage());
            respond(request, response, token, links.open(token, purpose, client), typed.refused(null, why));
            return;
        }
        Reply reply = visit.problem() != null ? Reply.NONE : new Reply(done(answer.get(), visit.page(), day), null, Map.of(), null, null, false);
        respond(request, response, token, visit, reply);
    }

    private void respond(HttpServletRequest request, HttpServletResponse response, String token, Visit visit, Reply reply) throws IOException {
        LinkPurpose purpose = purposeOf(request);
        String action = request.getContextPath() + (purpose == LinkPurpose.CONFIRM ? CONFIRM : KIT) + "?t=" + (token == null ? "" : token);
        if (visit.problem() == Problem.TOO_MANY_ATTEMPTS) {
            tooManyAttempts(response, visit.retryAfterSeconds());
        }
        boolean kept = visit.problem() == null && reply == Reply.NONE && visit.version() != null;
        String user = request.getRemoteUser();
        String tagline = request.getAttribute(TokenAgencyFilter.AGENCY_ATTRIBUTE) instanceof SignedInAgency agency ? agency.name() : null;
        String page = kept && user == null && tagline == null
                // The attending's own visit (nobody signed in): the whole page is the same for every such visit.
                ? rendered.get("page:" + purpose + ":" + visit.version(), () -> page(request, token, purpose, action, visit, reply, null, null))
                : page(request, token, purpose, action, visit, reply, user, tagline);
        byte[] bytes = page.getBytes(StandardCharsets.UTF_8);
        response.setContentType("text/html;charset=UTF-8");
        response.setHeader("Content-Security-Policy", policy);
        response.setContentLength(bytes.length);
        response.getOutputStream().write(bytes);
    }

    /** The page in its frame: the kit drawn once per version, the frame with whoever is signed in (staff trying a link). */
    private String page(HttpServletRequest request, String token, LinkPurpose purpose, String action, Visit visit, Reply reply,
                        String user, String tagline) {
        String body;
        if (visit.problem() != null) {
            Map<String, Object> model = new HashMap<>();
            model.put("problem", visit.problem().name());
            model.put("action", action);
            model.put("freshSent", reply.freshSent());
            body = templates.render("problem.ftlh", model);
        } else if (reply == Reply.NONE && visit.version() != null) {
            body = rendered.get(purpose + ":" + visit.version(), () -> kit(request, token, purpose, action, visit.page(), reply));
        } else {
            body = kit(request, token, purpose, action, visit.page(), reply);
        }
        Map<String, Object> frame = new HashMap<>();
        frame.put("title", purpose == LinkPurpose.CONFIRM ? templates.word("confirm.title") : templates.word("attendingKit.title"));
        frame.put("base", request.getContextPath());
        frame.put("body", body);
        frame.put("tagline", tagline != null ? tagline : templates.word("page.tagline"));
        if (user != null) {
            frame.put("user", user);
        }
        return templates.render("page.ftlh", frame);
    }

    private String kit(HttpServletRequest request, String token, LinkPurpose purpose, String action, KitPage kit, Reply reply) {
        Map<String, Object> model = new HashMap<>();
        model.put("kit", kit);
        model.put("confirmOnly", purpose == LinkPurpose.CONFIRM);
        model.put("token", token);
        model.put("action", action);
        model.put("base", request.getContextPath());
        model.put("errors", reply.errors());
        putIfPresent(model, "notice", reply.notice());
        putIfPresent(model, "error", reply.error());
        putIfPresent(model, "remindOn", reply.remindOn());
        putIfPresent(model, "note", reply.note());
        return templates.render("kit.ftlh", model);
    }

    private static void putIfPresent(Map<String, Object> model, String key, Object value) {
        if (value != null) {
            model.put(key, value);
        }
    }

    /** What the page says once an answer went through, as the JSF page said it. */
    private static String done(Answer answer, KitPage page, LocalDate day) {
        String student = page == null ? Messages.text("attendingKit.theStudent") : page.studentName();
        return switch (answer) {
            case CONFIRM -> Messages.text("attendingKit.confirmDone", student);
            case UPLOADED -> Messages.text("attendingKit.uploadedDone", student);
            case DECLINE -> Messages.text("attendingKit.declineDone", student);
            case REMIND_ON -> Messages.text("attendingKit.remindDone", Dates.weekdayAndDay(day));
            case UNDO -> Messages.text("attendingKit.undoDone");
        };
    }

    private static Optional<Answer> answerOf(String pressed) {
        return Optional.ofNullable(switch (pressed) {
            case "confirm" -> Answer.CONFIRM;
            case "uploaded" -> Answer.UPLOADED;
            case "decline" -> Answer.DECLINE;
            case "remind" -> Answer.REMIND_ON;
            case "undo" -> Answer.UNDO;
            default -> null;
        });
    }

    /** A refused client's answer, on the page and the downloads alike: 429, and when to come back. */
    static void tooManyAttempts(HttpServletResponse response, long retryAfterSeconds) {
        response.setStatus(429);
        response.setHeader("Retry-After", Long.toString(retryAfterSeconds));
    }

    private static LinkPurpose purposeOf(HttpServletRequest request) {
        return request.getServletPath().equals(CONFIRM) ? LinkPurpose.CONFIRM : LinkPurpose.KIT;
    }

    /** The link's token, from the page's address only: a {@code t} in a posted form is never read. */
    static String tokenOf(HttpServletRequest request) {
        return tokenIn(request.getQueryString());
    }

    /** The {@code t} of a query string, decoded; null without one, or when it cannot be decoded. */
    static String tokenIn(String query) {
        if (query == null) {
            return null;
        }
        for (String pair : query.split("&")) {
            if (pair.startsWith("t=")) {
                try {
                    return URLDecoder.decode(pair.substring(2), StandardCharsets.UTF_8);
                } catch (IllegalArgumentException badEscape) { // "%zz": no token, so the unknown link's page, not an error
                    return null;
                }
            }
        }
        return null;
    }

    private static String trimmed(String value) {
        return value == null || value.isBlank() ? null : value.strip();
    }

    /**
     * What an answer's reply says besides the kit: a notice that it went through, or a refusal (next to the field it
     * names, or at the top), with what was typed; or, on a link's problem page, that a fresh link was sent.
     */
    record Reply(String notice, String error, Map<String, String> errors, String remindOn, String note, boolean freshSent) {
        static final Reply NONE = new Reply(null, null, Map.of(), null, null, false);

        Reply refused(String field, String why) {
            boolean byField = "remindOn".equals(field) || "note".equals(field);
            return new Reply(null, byField ? null : why, byField ? Map.of(field, why) : Map.of(), remindOn, note, false);
        }

        Reply withFreshLinkSent() {
            return new Reply(null, null, Map.of(), null, null, true);
        }
    }
}
