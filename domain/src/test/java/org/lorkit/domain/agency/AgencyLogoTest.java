package org.lorkit.domain.agency;

import org.junit.jupiter.api.Test;
import org.lorkit.domain.shared.DomainException;

import java.time.Instant;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class AgencyLogoTest {
    private static final Instant NOW = Instant.parse("2026-11-27T12:00:00Z");

    @Test
    void a_png_and_a_jpeg_are_recognised_by_their_first_bytes() {
        byte[] png = {(byte) 0x89, 'P', 'N', 'G', 0x0D, 0x0A, 0x1A, 0x0A, 0};
        byte[] jpeg = {(byte) 0xFF, (byte) 0xD8, (byte) 0xFF, (byte) 0xE0, 0};

        assertThat(new AgencyLogo(1, png, NOW).getContentType()).isEqualTo("image/png");
        assertThat(new AgencyLogo(1, jpeg, NOW).getContentType()).isEqualTo("image/jpeg");
    }

    @Test
    void a_program_an_svg_an_empty_file_and_a_large_one_are_refused_with_a_reason() {
        assertThatThrownBy(() -> new AgencyLogo(1, "MZ a program".getBytes(), NOW))
                .isInstanceOf(DomainException.class).hasMessageContaining("PNG or JPEG");
        assertThatThrownBy(() -> new AgencyLogo(1, "<svg onload=alert(1)>".getBytes(), NOW)).hasMessageContaining("PNG or JPEG");
        assertThatThrownBy(() -> new AgencyLogo(1, new byte[0], NOW)).hasMessageContaining("empty");
        byte[] large = new byte[AgencyLogo.MAX_BYTES + 1];
        large[0] = (byte) 0x89;
        assertThatThrownBy(() -> new AgencyLogo(1, large, NOW)).hasMessageContaining("at most 200 KB");
    }
}
