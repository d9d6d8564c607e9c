package org.lorkit.domain.outbox;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.NullAndEmptySource;
import org.junit.jupiter.params.provider.ValueSource;

import java.nio.charset.StandardCharsets;
import java.util.Arrays;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class OutboxTagTest {
    private final OutboxTag tags = OutboxTag.of("lorkit-test-secret");

    @Test
    void a_tag_is_the_id_and_the_first_60_bits_of_its_hmac_in_lowercase_base32() {
        // Worked out apart from this code (Python: hmac, base64.b32encode): bounces of mail already sent must still
        // verify after a change here.
        assertThat(tags.tag(42)).isEqualTo("42.gesppj37t7xk");
        assertThat(tags.tag(0)).isEqualTo("0.xuiqjm2emwum");
        assertThat(tags.tag(Long.MAX_VALUE)).isEqualTo(Long.MAX_VALUE + ".o2gxpr43q5pf");
        assertThat(new OutboxTag("lorkit-test-secret".getBytes(StandardCharsets.UTF_8)).tag(42)).isEqualTo("42.gesppj37t7xk");
    }

    @Test
    void a_tag_verifies_to_its_id() {
        for (long id : new long[]{0, 1, 42, 1_000_000_007L, Long.MAX_VALUE}) {
            assertThat(tags.verify(tags.tag(id))).hasValue(id);
        }
    }

    @Test
    void a_tag_in_upper_case_still_verifies() {
        assertThat(tags.verify("42.GESPPJ37T7XK")).hasValue(42);
        assertThat(tags.verify("42.GesPPj37t7xk")).hasValue(42);
    }

    @Test
    void a_wrong_mac_does_not_verify() {
        assertThat(tags.verify("42.gesppj37t7xl")).isEmpty();
        assertThat(tags.verify("42.aaaaaaaaaaaa")).isEmpty();
    }

    @Test
    void another_key_makes_other_tags() {
        OutboxTag other = OutboxTag.of("another-secret");

        assertThat(other.tag(42)).isNotEqualTo(tags.tag(42));
        assertThat(other.verify(tags.tag(42))).isEmpty();
        assertThat(tags.verify(other.tag(42))).isEmpty();
    }

    @Test
    void a_tampered_id_does_not_verify_with_the_mac_of_another() {
        String mac = tags.tag(42).substring(3);

        assertThat(tags.verify("43." + mac)).isEmpty();
        assertThat(tags.verify("420." + mac)).isEmpty();
        assertThat(tags.verify("4." + mac)).isEmpty();
    }

    @Test
    void only_the_spelling_tag_writes_is_accepted() {
        String mac = tags.tag(42).substring(3);

        assertThat(tags.verify("042." + mac)).as("leading zero").isEmpty();
        assertThat(tags.verify("+42." + mac)).as("sign").isEmpty();
        assertThat(tags.verify(" 42." + mac)).as("space").isEmpty();
        assertThat(tags.verify("42." + mac + " ")).as("trailing space").isEmpty();
        assertThat(tags.verify("42." + mac.substring(1))).as("short mac").isEmpty();
        assertThat(tags.verify("42." + mac + "a")).as("long mac").isEmpty();
        assertThat(tags.verify("\u0664\u0662." + mac)).as("Arabic-Indic digits").isEmpty();
        assertThat(tags.verify("42." + mac.replace('k', '\u212a'))).as("the Kelvin sign, which lower-cases to k").isEmpty();
    }

    @ParameterizedTest
    @NullAndEmptySource
    @ValueSource(strings = {".", "42", "42.", ".gesppj37t7xk", "abc.gesppj37t7xk", "42-gesppj37t7xk", "42.gesppj37t7x!",
            "42..gesppj37t7x", "-42.gesppj37t7xk", "9223372036854775808.gesppj37t7xk", "99999999999999999999999.gesppj37t7xk"})
    void junk_and_overflow_and_negative_ids_do_not_verify(String junk) {
        assertThat(tags.verify(junk)).isEmpty();
    }

    @Test
    void negative_ids_have_no_tag() {
        assertThatThrownBy(() -> tags.tag(-1)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> tags.tag(Long.MIN_VALUE)).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void a_key_is_required() {
        assertThatThrownBy(() -> new OutboxTag(new byte[0])).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new OutboxTag(null)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> OutboxTag.of("")).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> OutboxTag.of("  ")).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> OutboxTag.of(null)).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void the_key_is_copied_so_a_caller_clearing_its_array_changes_nothing() {
        byte[] key = "lorkit-test-secret".getBytes(StandardCharsets.UTF_8);
        OutboxTag fromArray = new OutboxTag(key);
        Arrays.fill(key, (byte) 0);

        assertThat(fromArray.tag(42)).isEqualTo("42.gesppj37t7xk");
    }

    @Test
    void a_return_path_round_trips() {
        String returnPath = tags.returnPath(42, "mail.lorkit.example");

        assertThat(returnPath).isEqualTo("bounces+42.gesppj37t7xk@mail.lorkit.example");
        assertThat(tags.fromAddress(returnPath)).hasValue(42);
        assertThat(tags.fromAddress(tags.returnPath(Long.MAX_VALUE, "lorkit.local"))).hasValue(Long.MAX_VALUE);
    }

    @Test
    void a_return_path_is_read_in_any_case_in_brackets_and_at_any_domain() {
        assertThat(tags.fromAddress("BOUNCES+42.GESPPJ37T7XK@MAIL.LORKIT.EXAMPLE")).hasValue(42);
        assertThat(tags.fromAddress("  <bounces+42.gesppj37t7xk@other.example>  ")).hasValue(42);
        assertThat(tags.fromAddress("Bounces+42.gesppj37t7xk@relay.example.net")).hasValue(42);
    }

    @ParameterizedTest
    @NullAndEmptySource
    @ValueSource(strings = {"letters@lorkit.local", "bounces@lorkit.local", "bounces+@lorkit.local", "bounces+42.gesppj37t7xk",
            "bounces+42.gesppj37t7xk@", "bounces+42.gesppj37t7xl@lorkit.local", "bounces-42.gesppj37t7xk@lorkit.local",
            "xbounces+42.gesppj37t7xk@lorkit.local", "bounces+42.gesppj37t7xk.x@lorkit.local", "<bounces+42.gesppj37t7xk@lorkit.local",
            "Mailer <bounces+42.gesppj37t7xk@lorkit.local>", "bounces+ 42.gesppj37t7xk@lorkit.local", "<>"})
    void anything_else_is_no_return_path(String address) {
        assertThat(tags.fromAddress(address)).isEmpty();
    }

    @Test
    void a_return_path_of_another_key_is_not_ours() {
        assertThat(tags.fromAddress(OutboxTag.of("another-secret").returnPath(42, "lorkit.local"))).isEmpty();
    }

    @Test
    void a_message_id_round_trips() {
        String messageId = tags.messageId(42, "lorkit");

        assertThat(messageId).startsWith("<outbox-42.").endsWith("@lorkit>");
        String tag = messageId.substring("<outbox-".length(), messageId.indexOf('@'));
        assertThat(tags.fromMessageId(messageId)).hasValue(42);
        assertThat(tags.fromMessageId(" outbox-" + tag + "@lorkit ")).as("without brackets").hasValue(42);
        assertThat(tags.fromMessageId(messageId.toUpperCase(java.util.Locale.ROOT))).as("upper case").hasValue(42);
        assertThat(tags.fromMessageId(tags.messageId(Long.MAX_VALUE, "mail.lorkit.example"))).hasValue(Long.MAX_VALUE);
    }

    @ParameterizedTest
    @NullAndEmptySource
    @ValueSource(strings = {"<outbox-42.0123456789abcdef@lorkit>", "<outbox-42.gesppj37t7xl@lorkit>", "<outbox-43.gesppj37t7xk@lorkit>",
            "<outbox-42.gesppj37t7xk@>", "<outbox-42.gesppj37t7xk>", "<outbox-42.gesppj37t7xk@a@b>", "<42.gesppj37t7xk@lorkit>",
            "<CAF=abc123@mail.gmail.com>", "<outbox-42.gesppj37t7xk@lorkit> <outbox-43.x@lorkit>"})
    void anything_else_is_no_message_id_of_ours(String messageId) {
        assertThat(tags.fromMessageId(messageId)).isEmpty();
    }

    @Test
    void hosts_and_domains_must_be_names() {
        assertThatThrownBy(() -> tags.returnPath(42, "")).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> tags.returnPath(42, "a@b")).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> tags.messageId(42, null)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> tags.messageId(42, "lor kit")).isInstanceOf(IllegalArgumentException.class);
    }

    /**
     * A Message-ID travels to the student (a writer's reply carries it in In-Reply-To): its tag must not pass for a
     * return path's, or a student could forge a "bounce" that lets them redirect the writer's links.
     */
    @Test
    void a_message_ids_tag_is_no_return_path_and_a_return_paths_tag_is_no_message_id() {
        String messageId = tags.messageId(42, "lorkit");
        String messageIdTag = messageId.substring("<outbox-".length(), messageId.indexOf('@'));
        assertThat(messageIdTag).isNotEqualTo(tags.tag(42));
        assertThat(tags.fromAddress("bounces+" + messageIdTag + "@lorkit.local")).isEmpty();
        assertThat(tags.verify(messageIdTag)).isEmpty();
        assertThat(tags.fromMessageId("<outbox-" + tags.tag(42) + "@lorkit>")).isEmpty();
    }
}
