package org.lorkit.web.attending;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/** The link's token is read from the page's address only, and an address that cannot be decoded names no link. */
class AttendingKitServletTest {
    @Test
    void the_token_is_the_t_of_the_address() {
        assertThat(AttendingKitServlet.tokenIn("t=abc_DEF-123")).isEqualTo("abc_DEF-123");
        assertThat(AttendingKitServlet.tokenIn("x=1&t=abc")).isEqualTo("abc");
        assertThat(AttendingKitServlet.tokenIn(null)).isNull();
        assertThat(AttendingKitServlet.tokenIn("x=1")).isNull();
    }

    /** "%zz" made URLDecoder throw, and the attending got the server's error page instead of the unknown link's (review). */
    @Test
    void a_bad_escape_names_no_link_rather_than_failing() {
        assertThat(AttendingKitServlet.tokenIn("t=%zz")).isNull();
    }
}
