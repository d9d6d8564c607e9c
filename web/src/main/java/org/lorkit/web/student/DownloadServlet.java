package org.lorkit.web.student;

import jakarta.inject.Inject;
import jakarta.servlet.annotation.WebServlet;
import org.lorkit.web.security.SecurityHeaders;
import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.lorkit.application.kit.DocumentService;
import org.lorkit.application.kit.KitService;
import org.lorkit.domain.shared.DomainException;

import java.io.IOException;

/**
 * Documents and combined kits as downloads: /download/document?id=N and /download/kit?request=N. The
 * services check who may have them; anything else is a plain 404, the same as for an id that does not exist.
 */
@WebServlet("/download/*")
public class DownloadServlet extends HttpServlet {
    @Inject
    private DocumentService documents;
    @Inject
    private KitService kits;

    @Override
    protected void doGet(HttpServletRequest request, HttpServletResponse response) throws IOException {
        try {
            String what = request.getPathInfo() == null ? "" : request.getPathInfo();
            switch (what) {
                case "/document" -> {
                    DocumentService.Download download = documents.download(id(request, "id"));
                    send(response, download.fileName(), download.contentType(), download.content());
                }
                case "/kit" -> send(response, "letter-kit.pdf", "application/pdf", kits.pdf(id(request, "request")));
                case "/draft" -> send(response, "draft-letter.txt", "text/plain; charset=UTF-8",
                        kits.draft(id(request, "request")).getBytes(java.nio.charset.StandardCharsets.UTF_8));
                default -> response.sendError(HttpServletResponse.SC_NOT_FOUND);
            }
        } catch (DomainException | NumberFormatException e) {
            response.sendError(HttpServletResponse.SC_NOT_FOUND);
        }
    }

    /** The id a download names in its query; a missing or malformed one is a 404, as for an id that does not exist. */
    static long id(HttpServletRequest request, String name) {
        String value = request.getParameter(name);
        if (value == null) {
            throw new NumberFormatException("no " + name);
        }
        return Long.parseLong(value);
    }

    /** A file as an inert attachment (LorKit's download headers), for every download servlet. */
    static void send(HttpServletResponse response, String fileName, String contentType, byte[] content) throws IOException {
        SecurityHeaders.asAttachment(response, contentType, fileName);
        response.setContentLength(content.length);
        response.getOutputStream().write(content);
    }
}
