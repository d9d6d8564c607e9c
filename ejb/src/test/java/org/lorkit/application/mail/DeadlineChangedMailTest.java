package org.lorkit.application.mail;

import org.junit.jupiter.api.Test;
import org.lorkit.infrastructure.mail.MailTemplates;

import java.lang.reflect.Method;
import java.util.HashMap;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/** The short email that tells the attending the deadline moved, rendered from its templates as LetterMails does. */
class DeadlineChangedMailTest {

    private static MailTemplates templates() throws Exception {
        MailTemplates templates = new MailTemplates();
        Method configure = MailTemplates.class.getDeclaredMethod("configure");
        configure.setAccessible(true);
        configure.invoke(templates);
        return templates;
    }

    /** The keys of LetterMails' model that these templates read. */
    private static Map<String, Object> model(String plannedSubmit) {
        Map<String, Object> model = new HashMap<>();
        model.put("agencyName", "Bridgeway Clinical Rotations");
        model.put("studentName", "Amara Okafor");
        model.put("attendingName", "Dr. Anjali Patel");
        model.put("attendingSalutation", "Dr. Patel");
        model.put("rotationSpecialtyLower", "internal medicine");
        model.put("site", "St. Mary's Medical Center");
        model.put("rotationMonth", "October 2026");
        model.put("deadline", "Sunday, 10 Jan 2027");
        model.put("plannedSubmit", plannedSubmit);
        model.put("kitUrl", "https://lorkit.example/a/kit.xhtml?t=abc");
        model.put("confirmUrl", "https://lorkit.example/a/confirm.xhtml?t=def");
        return model;
    }

    @Test
    void the_subject_and_the_text_give_the_new_date_politely_and_briefly() throws Exception {
        MailTemplates templates = templates();

        String subject = templates.render("deadline-changed.subject.ftl", model("24 Sep 2027")).strip();
        String text = templates.render("deadline-changed.txt.ftl", model("24 Sep 2027"));

        assertThat(subject).as("written when queued, so it names no date: a later move the same day changes the body only")
                .isEqualTo("A new deadline for Amara Okafor's letter of recommendation");
        assertThat(text).startsWith("Dear Dr. Patel,\n")
                .contains("the deadline is now Sunday, 10 Jan 2027. Amara Okafor plans to submit their ERAS application on "
                        + "24 Sep 2027. Nothing else has changed")
                .contains("The kit is here, as before: https://lorkit.example/a/kit.xhtml?t=abc")
                .contains("(sent through Bridgeway Clinical Rotations)");
        assertThat(text.lines().count()).as("short").isLessThan(12);
    }

    @Test
    void without_a_submit_date_the_email_leaves_it_out_and_the_html_carries_the_same_words() throws Exception {
        MailTemplates templates = templates();

        String text = templates.render("deadline-changed.txt.ftl", model(""));
        String html = templates.render("deadline-changed.html.ftlh", model(""));

        assertThat(text).contains("the deadline is now Sunday, 10 Jan 2027. Nothing else has changed").doesNotContain("plans to submit");
        assertThat(html).contains("<strong>Sunday, 10 Jan 2027</strong>", "href=\"https://lorkit.example/a/kit.xhtml?t=abc\"",
                "St. Mary&#39;s Medical Center");
    }
}
