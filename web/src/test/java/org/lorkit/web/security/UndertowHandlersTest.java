package org.lorkit.web.security;

import io.undertow.Handlers;
import io.undertow.server.HttpHandler;
import io.undertow.server.HttpServerExchange;
import io.undertow.server.handlers.builder.PredicatedHandlersParser;
import io.undertow.util.HttpString;
import org.junit.jupiter.api.Test;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.atomic.AtomicReference;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * WEB-INF/undertow-handlers.conf as WildFly reads it (a file it cannot parse fails the deployment): an API request is
 * marked as a script's, so the OIDC client answers it 401 rather than with the login page; a page's request is not.
 */
class UndertowHandlersTest {
    private static final Path CONF = Path.of("src/main/webapp/WEB-INF/undertow-handlers.conf");

    private static String markOf(String path) throws Exception {
        AtomicReference<String> seen = new AtomicReference<>();
        HttpHandler last = exchange -> seen.set(exchange.getRequestHeaders().getFirst("X-Requested-With"));
        HttpHandler handlers = Handlers.predicates(PredicatedHandlersParser.parse(Files.readString(CONF),
                UndertowHandlersTest.class.getClassLoader()), last);
        HttpServerExchange exchange = new HttpServerExchange(null);
        exchange.setRequestMethod(new HttpString("GET"));
        exchange.setRequestPath(path);
        exchange.setRelativePath(path);
        exchange.setRequestURI(path);
        handlers.handleRequest(exchange);
        return seen.get();
    }

    @Test
    void anApiRequestIsMarkedAsAScriptsAndAPageIsNot() throws Exception {
        assertThat(markOf("/api/v1/students")).isEqualTo("XMLHttpRequest");
        assertThat(markOf("/agency/dashboard.xhtml")).isNull();
        assertThat(markOf("/api-docs/")).as("the documentation is a page: a browser signs in").isNull();
    }
}
