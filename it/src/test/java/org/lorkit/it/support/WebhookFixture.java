package org.lorkit.it.support;

import jakarta.inject.Inject;
import jakarta.servlet.annotation.WebServlet;
import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.lorkit.application.attending.AttendingView;
import org.lorkit.application.letter.LetterRequestService;
import org.lorkit.application.letter.NewLetterRequest;
import org.lorkit.application.rotation.RotationView;
import org.lorkit.application.student.StudentView;
import org.lorkit.application.webhook.NewSecret;
import org.lorkit.application.webhook.WebhookService;
import org.lorkit.domain.letter.LetterState;
import org.lorkit.domain.webhook.WebhookEventType;

import java.io.IOException;
import java.util.EnumSet;

/**
 * For the webhook crash test, which runs outside the server: POST /lorkit-it/fixtures/webhook-events?url=U&requests=N
 * makes a fresh agency whose admin registers U for letter.state_changed, and N letter requests, each planned, asked
 * and answered with a strong yes: three events each, left for the server's own sender. Answers with the endpoint's
 * secret and the number of events, one per line. Only in the test module, never in the application.
 */
@WebServlet("/fixtures/webhook-events")
public class WebhookFixture extends HttpServlet {
    @Inject
    Fixtures fixtures;
    @Inject
    As as;
    @Inject
    WebhookService webhooks;
    @Inject
    LetterRequestService letters;

    @Override
    protected void doPost(HttpServletRequest request, HttpServletResponse response) throws IOException {
        int requests = Integer.parseInt(request.getParameter("requests"));
        long agency = fixtures.agency().id();
        NewSecret endpoint = as.admin(agency, () -> webhooks.register(request.getParameter("url"),
                EnumSet.of(WebhookEventType.LETTER_STATE_CHANGED)));
        as.staff(agency, () -> {
            StudentView student = fixtures.student(fixtures.cohort());
            for (int i = 0; i < requests; i++) {
                AttendingView attending = fixtures.attending("Internal Medicine");
                RotationView rotation = fixtures.rotation(student, attending, 24);
                long id = letters.plan(new NewLetterRequest(student.id(), attending.id(), rotation.id(), null)).id();
                letters.moveTo(id, LetterState.ASKED, null);
                letters.moveTo(id, LetterState.STRONG_YES, "\"happy to\"");
            }
            return null;
        });
        response.setContentType("text/plain");
        response.getWriter().print(endpoint.secret() + "\n" + requests * 3 + "\n");
    }
}
