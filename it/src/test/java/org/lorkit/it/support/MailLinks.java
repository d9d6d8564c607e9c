package org.lorkit.it.support;

import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static org.assertj.core.api.Assertions.assertThat;

/** The attending's two links as they appear in the kit email, and the token read from one. */
public final class MailLinks {
    public static final Pattern KIT_LINK = Pattern.compile("http://localhost:8080/a/kit\\.xhtml\\?t=([A-Za-z0-9_-]{43})");
    public static final Pattern CONFIRM_LINK = Pattern.compile("http://localhost:8080/a/confirm\\.xhtml\\?t=([A-Za-z0-9_-]{43})");

    private MailLinks() {
    }

    /** The token of the link in an email. */
    public static String token(Pattern link, String body) {
        Matcher matcher = link.matcher(body);
        assertThat(matcher.find()).as("the email holds the link " + link).isTrue();
        return matcher.group(1);
    }
}
