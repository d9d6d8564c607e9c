package org.lorkit.web.attending;

import jakarta.inject.Inject;
import jakarta.servlet.annotation.WebServlet;
import org.lorkit.web.security.SecurityHeaders;
import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.lorkit.application.link.AttendingLinkService;
import org.lorkit.application.link.AttendingLinkService.Download;
import org.lorkit.application.link.AttendingLinkService.Problem;
import org.lorkit.web.support.Messages;

import java.io.IOException;
import java.util.Map;

/** The kit's documents for the attending: /a/download/kit, /cv or /statement with the kit link's token. Read only. */
@WebServlet("/a/download/*")
public class AttendingDownloads extends HttpServlet {
    private static final Map<String, String> FILE_NAMES = Map.of("kit", "letter-kit.pdf", "cv", "cv.pdf", "statement", "personal-statement.pdf");

    @Inject
    private AttendingLinkService links;

    @Override
    protected void doGet(HttpServletRequest request, HttpServletResponse response) throws IOException {
        String which = request.getPathInfo() == null ? "" : request.getPathInfo().substring(1);
        if (!FILE_NAMES.containsKey(which)) {
            response.sendError(HttpServletResponse.SC_NOT_FOUND);
            return;
        }
        Download download = links.document(request.getParameter("t"), which, request.getRemoteAddr());
        if (download.problem() == Problem.TOO_MANY_ATTEMPTS) {
            AttendingKitServlet.tooManyAttempts(response, download.retryAfterSeconds());
            response.setContentType("text/plain;charset=UTF-8");
            response.getWriter().write(Messages.text("linkProblem.tooManyAttemptsDownload"));
            return;
        }
        if (!download.found()) {
            response.sendError(HttpServletResponse.SC_NOT_FOUND);
            return;
        }
        SecurityHeaders.asAttachment(response, "application/pdf", FILE_NAMES.get(which));
        response.setContentLength(download.content().length);
        response.getOutputStream().write(download.content());
    }
}
