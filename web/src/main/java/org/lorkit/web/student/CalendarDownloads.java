package org.lorkit.web.student;

import jakarta.inject.Inject;
import jakarta.servlet.annotation.WebServlet;
import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.lorkit.application.advice.CalendarService;
import org.lorkit.application.advice.CalendarService.CalendarFile;
import org.lorkit.domain.shared.DomainException;

import java.io.IOException;
import java.nio.charset.StandardCharsets;

/**
 * The student's calendar downloads: /student/calendar/ask-window?rotation=N and /student/calendar/kit-deadline?request=N,
 * under the students' constraint (web.xml). The service serves only the caller's own rotation or request; anything
 * else is a plain 404, the same as for an id that does not exist.
 */
@WebServlet("/student/calendar/*")
public class CalendarDownloads extends HttpServlet {
    @Inject
    private CalendarService calendar;

    @Override
    protected void doGet(HttpServletRequest request, HttpServletResponse response) throws IOException {
        try {
            String what = request.getPathInfo() == null ? "" : request.getPathInfo();
            switch (what) {
                case "/ask-window" -> send(response, calendar.askWindow(DownloadServlet.id(request, "rotation")));
                case "/kit-deadline" -> send(response, calendar.kitDeadline(DownloadServlet.id(request, "request")));
                default -> response.sendError(HttpServletResponse.SC_NOT_FOUND);
            }
        } catch (DomainException | NumberFormatException e) {
            response.sendError(HttpServletResponse.SC_NOT_FOUND);
        }
    }

    private static void send(HttpServletResponse response, CalendarFile file) throws IOException {
        DownloadServlet.send(response, file.fileName(), CalendarFile.CONTENT_TYPE, file.content().getBytes(StandardCharsets.UTF_8));
    }
}
