package org.lorkit.domain.shared;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class RequireTest {

    @Test
    void a_name_is_one_line_so_it_cannot_add_an_email_header() {
        assertThat(Require.line("fullName", "  Amara Okafor ", 200)).isEqualTo("Amara Okafor");
        assertThat(Require.line("fullName", "Dr. <b>O'Brien</b> & Partners", 200)).as("markup is only text here").isEqualTo("Dr. <b>O'Brien</b> & Partners");
        assertThatThrownBy(() -> Require.line("fullName", "Amara\r\nBcc: someone@attacker.example", 200))
                .isInstanceOf(DomainException.class).hasMessage("fullName must be on one line, without control characters");
        assertThatThrownBy(() -> Require.line("fullName", "Amara\tOkafor", 200)).isInstanceOf(DomainException.class);
        assertThat(Require.optionalLine("country", " ", 100)).isNull();
    }

    @Test
    void longer_texts_keep_their_line_breaks() {
        assertThat(Require.text("text", "Presented a case.\nFollowed up.", 2000)).contains("\n");
    }
}
