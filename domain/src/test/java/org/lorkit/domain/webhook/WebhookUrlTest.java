package org.lorkit.domain.webhook;

import org.junit.jupiter.api.Test;
import org.lorkit.domain.shared.DomainException;

import java.net.InetAddress;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class WebhookUrlTest {
    @Test
    void an_https_address_of_a_public_host_is_taken_as_written() {
        assertThat(WebhookUrl.check("  https://hooks.example.org/lorkit?x=1 ", false))
                .hasToString("https://hooks.example.org/lorkit?x=1");
        assertThat(WebhookUrl.check("HTTPS://Hooks.Example.org:8443/in", false).getPort()).isEqualTo(8443);
        assertThat(WebhookUrl.check("https://93.184.216.34/in", false)).hasHost("93.184.216.34");
    }

    @Test
    void plain_http_is_refused_and_so_is_anything_but_a_whole_web_address() {
        refused("http://hooks.example.org/lorkit", "HTTPS only");
        refused("ftp://hooks.example.org/lorkit", "HTTPS only");
        refused("hooks.example.org/lorkit", "whole address");
        refused("https://", "not a web address");
        refused("https://exa mple.org/", "not a web address");
        refused(" ", "Enter the address");
        refused(null, "Enter the address");
        refused("https://hooks.example.org/" + "a".repeat(500), "at most 500");
    }

    @Test
    void credentials_and_fragments_stay_out_of_the_address() {
        refused("https://user:pass@hooks.example.org/lorkit", "user name and password");
        refused("https://hooks.example.org/lorkit#part", "after #");
    }

    @Test
    void private_loopback_link_local_and_reserved_addresses_are_refused() {
        refused("https://10.0.0.5/in", "private or reserved");
        refused("https://172.16.3.4/in", "private or reserved");
        refused("https://192.168.1.1/in", "private or reserved");
        refused("https://169.254.169.254/latest/meta-data", "private or reserved");
        refused("https://100.64.0.1/in", "private or reserved");
        refused("https://0.0.0.0/in", "private or reserved");
        refused("https://[fd00::1]/in", "private or reserved");
        refused("https://[fe80::1]/in", "private or reserved");
        refused("https://[::ffff:10.0.0.1]/in", "private or reserved");
        refused("https://999.1.1.1/in", "whole address");
        refused("https://api.localhost/in", "LorKit's own server");
    }

    @Test
    void localhost_only_when_the_setting_allows_it_and_then_over_http_too() {
        refused("https://localhost/in", "LorKit's own server");
        refused("http://127.0.0.1:8080/in", "LorKit's own server");
        refused("https://[::1]/in", "LorKit's own server");
        assertThat(WebhookUrl.check("http://localhost:8099/hook", true)).hasToString("http://localhost:8099/hook");
        assertThat(WebhookUrl.check("http://127.0.0.1:8099/hook", true)).hasHost("127.0.0.1");
        assertThat(WebhookUrl.check("https://[::1]/in", true)).hasHost("[::1]");
        refused("http://hooks.example.org/lorkit", "HTTPS only"); // the setting opens localhost, nothing else
        assertThatThrownBy(() -> WebhookUrl.check("http://10.0.0.5/in", true)).isInstanceOf(DomainException.class);
    }

    @Test
    void the_sender_checks_what_a_name_resolves_to() throws Exception {
        assertThat(WebhookUrl.isPublic(InetAddress.getByName("93.184.216.34"))).isTrue();
        assertThat(WebhookUrl.isPublic(InetAddress.getByName("2606:2800:220:1:248:1893:25c8:1946"))).isTrue();
        for (String address : new String[]{"127.0.0.1", "10.1.2.3", "172.31.0.1", "192.168.0.1", "169.254.169.254", "100.100.1.1",
                "0.1.2.3", "224.0.0.1", "::1", "fe80::1", "fc00::1", "::"}) {
            assertThat(WebhookUrl.isPublic(InetAddress.getByName(address))).as(address).isFalse();
        }
    }

    private static void refused(String url, String words) {
        assertThatThrownBy(() -> WebhookUrl.check(url, false)).isInstanceOf(DomainException.class)
                .hasMessageContaining(words).extracting(e -> ((DomainException) e).field()).isEqualTo("url");
    }
}
