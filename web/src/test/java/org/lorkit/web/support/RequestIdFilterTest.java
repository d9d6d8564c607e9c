package org.lorkit.web.support;

import jakarta.servlet.DispatcherType;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.jboss.logging.MDC;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import java.lang.reflect.Proxy;
import java.util.HashMap;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class RequestIdFilterTest {
    private final Map<String, String> responseHeaders = new HashMap<>();
    private final RequestIdFilter filter = new RequestIdFilter();

    @AfterEach
    void clear() {
        MDC.clear();
    }

    /** A request (its dispatches share the attributes). */
    private HttpServletRequest request(String header, DispatcherType dispatch, Map<String, Object> attributes) {
        return (HttpServletRequest) Proxy.newProxyInstance(getClass().getClassLoader(), new Class<?>[]{HttpServletRequest.class},
                (proxy, method, args) -> switch (method.getName()) {
                    case "getHeader" -> RequestIdFilter.HEADER.equals(args[0]) ? header : null;
                    case "getAttribute" -> attributes.get((String) args[0]);
                    case "setAttribute" -> attributes.put((String) args[0], args[1]);
                    case "getDispatcherType" -> dispatch;
                    default -> null;
                });
    }

    private HttpServletResponse response() {
        return (HttpServletResponse) Proxy.newProxyInstance(getClass().getClassLoader(), new Class<?>[]{HttpServletResponse.class},
                (proxy, method, args) -> method.getName().equals("setHeader") ? responseHeaders.put((String) args[0], (String) args[1]) : null);
    }

    private String idWhileServing(String header) throws Exception {
        String[] seen = new String[1];
        filter.doFilter(request(header, DispatcherType.REQUEST, new HashMap<>()), response(), (FilterChain) (req, res) -> seen[0] = (String) MDC.get("request"));
        return seen[0];
    }

    @Test
    void the_log_names_the_request_by_a_new_short_id_while_it_is_served_and_the_response_says_it() throws Exception {
        String id = idWhileServing(null);
        assertThat(id).matches("[0-9a-f]{12}");
        assertThat(responseHeaders).containsEntry("X-Request-Id", id);
        assertThat(MDC.get("request")).as("after the request").isNull();
        assertThat(idWhileServing(null)).isNotEqualTo(id);
    }

    @Test
    void a_well_formed_incoming_id_is_kept_so_that_the_load_balancer_and_the_node_agree() throws Exception {
        String haproxy = "3f2504e0-4f89-41d3-9a0c-0305e82c3301";
        assertThat(idWhileServing(haproxy)).isEqualTo(haproxy);
        assertThat(responseHeaders).containsEntry("X-Request-Id", haproxy);
    }

    @Test
    void an_incoming_id_that_could_break_a_log_line_is_replaced() {
        for (String bad : new String[]{"", "two words", "line\nINFO forged", "x".repeat(65), "a\"b", "<script>", "ünï"}) {
            assertThat(RequestIdFilter.idFor(bad)).as(bad).matches("[0-9a-f]{12}");
        }
        assertThat(RequestIdFilter.idFor("lb-1:abc_DEF.9")).isEqualTo("lb-1:abc_DEF.9");
    }

    @Test
    void after_a_failure_the_id_stays_for_the_servers_line_about_it_and_the_error_page_dispatch_clears_it() throws Exception {
        Map<String, Object> attributes = new HashMap<>();
        FilterChain failing = (req, res) -> {
            throw new ServletException("boom");
        };
        assertThatThrownBy(() -> filter.doFilter(request(null, DispatcherType.REQUEST, attributes), response(), failing)).hasMessage("boom");
        Object id = MDC.get("request");
        assertThat(id).as("while the server logs the failure").isNotNull();

        responseHeaders.clear(); // the server resets the response for the error page
        String[] seen = new String[1];
        filter.doFilter(request(null, DispatcherType.ERROR, attributes), response(), (FilterChain) (req, res) -> seen[0] = (String) MDC.get("request"));
        assertThat(seen[0]).as("the error page's lines").isEqualTo(id);
        assertThat(responseHeaders).containsEntry("X-Request-Id", (String) id);
        assertThat(MDC.get("request")).isNull();
    }
}
