package org.lorkit.web.attending;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.lorkit.application.link.AttendingLinkService.KitPage;
import org.lorkit.domain.letter.LetterRequest.WriterAnswer;
import org.lorkit.domain.letter.LetterState;
import org.lorkit.web.support.Format;

import java.time.LocalDate;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/** The attending's templates drawn without a server: the words of the bundle, the buttons a state allows, and escaping. */
class AttendingTemplatesTest {
    private final AttendingTemplates templates = new AttendingTemplates();

    @BeforeEach
    void configure() {
        templates.format = new Format();
        templates.configure();
    }

    private static KitPage kit(String student, LetterState state, boolean confirmed, WriterAnswer undoable) {
        boolean open = state.isOpen();
        return new KitPage("Bridgeway <b>Agency</b>", student, "Dr. Patel", open ? List.of("Letter of recommendation kit - " + student,
                "\u2022 Followed six patients daily <img src=x onerror=alert(1)>") : List.of(), open, open,
                LocalDate.of(2026, 12, 27), state, open, confirmed, false, state == LetterState.DECLINED, undoable, null, "/logo/bridgeway");
    }

    private String draw(KitPage kit, boolean confirmOnly, Map<String, Object> reply) {
        Map<String, Object> model = new HashMap<>(reply);
        model.put("kit", kit);
        model.put("confirmOnly", confirmOnly);
        model.put("token", "tok_en-123");
        model.put("action", "/a/kit.xhtml?t=tok_en-123");
        model.put("base", "");
        model.putIfAbsent("errors", Map.of());
        return templates.render("kit.ftlh", model);
    }

    @Test
    void an_open_kit_offers_every_answer_and_escapes_what_people_typed() {
        String page = draw(kit("Amara <script>alert(1)</script>", LetterState.KIT_SENT, false, null), false, Map.of());

        assertThat(page).contains("Letter kit for Amara &lt;script&gt;", "Sent to Dr. Patel through Bridgeway &lt;b&gt;Agency&lt;/b&gt;.",
                "Deadline: Sunday, 27 Dec 2026", "id=\"answers:confirm\"", "id=\"answers:uploaded\"", "id=\"answers:remind\"",
                "id=\"answers:decline\"", "href=\"/a/download/kit?t=tok_en-123\"", "id=\"cv\"", "id=\"statement\"",
                "<label for=\"answers:remindOn\"", "<label for=\"answers:note\"", "Followed six patients daily &lt;img",
                "I can&#39;t write a strong letter", "<img src=\"/logo/bridgeway\" alt=\"Bridgeway &lt;b&gt;Agency&lt;/b&gt;\"")
                .doesNotContain("<script", "<img src=x", "id=\"answers:undo\"");
    }

    /**
     * Enter in a text field submits its form with the form's first button: the date and the note each sit in a form whose
     * only button is their own, so Enter never confirms the letter instead (review of the servlet's page).
     */
    @Test
    void enter_in_the_date_or_the_note_submits_only_their_own_answer() {
        String page = draw(kit("Amara Okafor", LetterState.KIT_SENT, false, null), false, Map.of());
        for (String[] field : new String[][]{{"answers:remindOn", "remind"}, {"answers:note", "decline"}}) {
            int at = page.indexOf("id=\"" + field[0] + "\"");
            String form = page.substring(page.lastIndexOf("<form", at), page.indexOf("</form>", at));
            assertThat(form).as("the form around " + field[0]).contains("value=\"" + field[1] + "\"")
                    .doesNotContain("value=\"confirm\"", "value=\"uploaded\"", "<button id=\"answers:" + (field[1].equals("remind") ? "decline" : "remind"));
        }
    }

    @Test
    void a_confirmed_kit_says_so_and_offers_the_undo_and_a_closed_one_shows_no_document() {
        assertThat(draw(kit("Amara Okafor", LetterState.CONFIRMED, true, WriterAnswer.CONFIRMED), false, Map.of()))
                .contains("You confirmed that you will write the letter. Thank you.", "id=\"answers:undo\"", "id=\"answers:uploaded\"")
                .doesNotContain("id=\"answers:confirm\"");
        assertThat(draw(kit("Amara Okafor", LetterState.WITHDRAWN, true, null), false, Map.of()))
                .contains("This request is closed", "The student withdrew this request")
                .doesNotContain("/a/download/", "Followed six patients daily", "id=\"answers:confirm\"");
    }

    @Test
    void the_confirm_page_offers_only_the_confirmation() {
        assertThat(draw(kit("Amara Okafor", LetterState.KIT_SENT, false, null), true, Map.of()))
                .contains("A strong letter for Amara Okafor", "Opening this page changes nothing", "id=\"answers:confirm\"")
                .doesNotContain("id=\"answers:uploaded\"", "id=\"answers:decline\"", "/a/download/", "id=\"kit-body\"");
    }

    @Test
    void a_reply_shows_its_notice_or_the_refusal_next_to_the_field_with_what_was_typed() {
        assertThat(draw(kit("Amara Okafor", LetterState.CONFIRMED, true, WriterAnswer.CONFIRMED), false,
                Map.of("notice", "Thank you: Amara Okafor will be told that you will write the letter.")))
                .contains("ui-messages-info", "Thank you: Amara Okafor will be told");
        assertThat(draw(kit("Amara Okafor", LetterState.KIT_SENT, false, null), false,
                Map.of("errors", Map.of("remindOn", "Choose a day"), "remindOn", "31 Feb <2027>")))
                .contains("ui-message-error-detail\">Choose a day", "value=\"31 Feb &lt;2027&gt;\"", "aria-invalid=\"true\"");
    }

    @Test
    void each_problem_has_its_words_and_a_real_link_offers_a_fresh_one() {
        Map<String, Object> model = new HashMap<>(Map.of("problem", "EXPIRED", "action", "/a/kit.xhtml?t=x", "freshSent", false));
        assertThat(templates.render("problem.ftlh", model)).contains("This link has expired", "Email me a fresh link", "id=\"fresh-form:fresh\"");
        model.put("freshSent", true);
        assertThat(templates.render("problem.ftlh", model)).contains("id=\"fresh-sent\"").doesNotContain("Email me a fresh link");
        model.put("problem", "UNKNOWN");
        assertThat(templates.render("problem.ftlh", model)).contains("We do not recognise this link").doesNotContain("fresh-form");
        model.put("problem", "TOO_MANY_ATTEMPTS");
        assertThat(templates.render("problem.ftlh", model)).contains("Too many attempts");
    }

    @Test
    void the_frame_carries_no_script_and_the_page_language() {
        String page = templates.render("page.ftlh", Map.of("title", "Letter kit", "base", "", "body", "<p>kit</p>", "tagline", "Strong <letters>"));
        assertThat(page).contains("<html xmlns=\"http://www.w3.org/1999/xhtml\" lang=\"en\">", "<title>Letter kit · LorKit</title>",
                "<main class=\"content\">", "<p>kit</p>", "Strong &lt;letters&gt;", "css/lorkit.css.xhtml").doesNotContain("<script", "signed-in-as");
    }
}
