package org.lorkit.domain.advice;

import org.junit.jupiter.api.Test;
import org.lorkit.domain.agency.AgencyRules;
import org.lorkit.domain.letter.KitDeadline;
import org.lorkit.domain.rotation.AskWindow;

import java.time.LocalDate;

import static org.assertj.core.api.Assertions.assertThat;

class AskScriptTest {
    private static final LocalDate START = LocalDate.of(2027, 6, 1);
    private static final LocalDate END = LocalDate.of(2027, 6, 28);
    private static final AskScript.Ask ASK = new AskScript.Ask("Dr. Patel", "Amara Okafor", "internal medicine", "internal medicine",
            "St. Mary's", START, END);

    private static AskScript askOn(LocalDate today, LocalDate plannedSubmitOn, AgencyRules rules) {
        return AskScript.write(ASK, AskWindow.of(START, END, today, rules), KitDeadline.proposeFor(today, plannedSubmitOn, rules));
    }

    @Test
    void in_the_window_the_script_asks_for_a_strong_letter_and_names_no_date() {
        AskScript script = askOn(END.minusDays(2), LocalDate.of(2027, 9, 24), AgencyRules.DEFAULTS);

        assertThat(script.inPerson()).isEqualTo("Dr. Patel, I have really valued working with you on this rotation, and I am applying "
                + "to internal medicine residency this cycle. Would you feel comfortable writing me a strong letter of recommendation "
                + "based on my work here?");
        assertThat(script.emailSubject()).isEqualTo("Request for a strong letter of recommendation – Amara Okafor");
        assertThat(script.emailBody()).contains("strong letter of recommendation").contains("a deadline a few weeks away")
                .doesNotContain("later than ideal").startsWith("Dear Dr. Patel,").endsWith("With thanks,\nAmara Okafor");
        assertThat(script.uploadBy()).isNull();
        assertThat(askOn(END.plusDays(28), null, AgencyRules.DEFAULTS).uploadBy()).as("the last acceptable day").isNull();
    }

    @Test
    void the_email_names_the_months_of_the_rotation() {
        assertThat(askOn(END.minusDays(2), null, AgencyRules.DEFAULTS).emailBody())
                .contains("your internal medicine service at St. Mary's in June 2027.");
        AskScript.Ask acrossTwoMonths = new AskScript.Ask("Dr. Patel", "Amara Okafor", "internal medicine", "internal medicine",
                "St. Mary's", LocalDate.of(2027, 6, 14), LocalDate.of(2027, 7, 9));
        LocalDate today = LocalDate.of(2027, 7, 7);

        assertThat(AskScript.write(acrossTwoMonths, AskWindow.of(acrossTwoMonths.rotationStart(), acrossTwoMonths.rotationEnd(), today,
                AgencyRules.DEFAULTS), KitDeadline.proposeFor(today, null, AgencyRules.DEFAULTS)).emailBody())
                .contains("in June–July 2027.");
    }

    @Test
    void a_late_ask_says_so_and_names_the_kit_deadline_four_weeks_out() {
        // August, before a September submission: 35 days after the end, the submit date far enough away.
        LocalDate today = LocalDate.of(2027, 8, 2);
        AskScript script = askOn(today, LocalDate.of(2027, 9, 24), AgencyRules.DEFAULTS);

        assertThat(script.uploadBy()).isEqualTo(LocalDate.of(2027, 8, 30));
        assertThat(script.inPerson()).isEqualTo("Dr. Patel, I really valued working with you on your internal medicine service, and I "
                + "am applying to internal medicine residency this cycle. Would you feel comfortable writing me a strong letter of "
                + "recommendation based on my work with you? I know this is later than ideal, close to application season; would you "
                + "be able to upload it by Monday, 30 Aug 2027?");
        assertThat(script.emailBody()).contains("Would you feel comfortable writing me a strong letter of recommendation")
                .contains("I know this is later than ideal, close to application season. If you are able to write it, would you be "
                        + "able to upload it by Monday, 30 Aug 2027? I would be very grateful.")
                .doesNotContain("a few weeks away");
    }

    @Test
    void a_late_ask_never_names_a_date_after_the_planned_submit_date() {
        LocalDate today = LocalDate.of(2027, 8, 2);

        AskScript script = askOn(today, LocalDate.of(2027, 8, 20), AgencyRules.DEFAULTS);

        assertThat(script.uploadBy()).isEqualTo(LocalDate.of(2027, 8, 20));
        assertThat(script.inPerson()).endsWith("would you be able to upload it by Friday, 20 Aug 2027?");
        assertThat(script.emailBody()).contains("upload it by Friday, 20 Aug 2027?");
    }

    @Test
    void once_the_submit_date_has_passed_the_date_is_the_agencys_shortest_deadline() {
        LocalDate today = LocalDate.of(2027, 8, 2);
        AgencyRules tenDays = AgencyRules.DEFAULTS.with(AgencyRules.Rule.KIT_DEADLINE_SHORTEST_DAYS, 10);

        assertThat(askOn(today, LocalDate.of(2027, 7, 30), AgencyRules.DEFAULTS).uploadBy()).isEqualTo(LocalDate.of(2027, 8, 9));
        assertThat(askOn(today, LocalDate.of(2027, 7, 30), tenDays).uploadBy()).isEqualTo(LocalDate.of(2027, 8, 12));
    }

    @Test
    void months_later_the_ask_says_it_has_been_months_and_still_names_a_date() {
        LocalDate today = END.plusDays(75);

        AskScript script = askOn(today, null, AgencyRules.DEFAULTS);

        assertThat(script.uploadBy()).isEqualTo(today.plusDays(28));
        assertThat(script.inPerson()).contains("I know it has been months since my rotation with you, and that this is later than ideal; "
                + "would you be able to upload it by Saturday, 9 Oct 2027?");
        assertThat(script.emailBody()).contains("I know it has been months since my rotation with you, and that this is later than "
                + "ideal. If you are able to write it, would you be able to upload it by Saturday, 9 Oct 2027?");
    }

    @Test
    void the_agencys_shorter_acceptable_period_makes_the_script_late_sooner() {
        AgencyRules twoWeeks = AgencyRules.DEFAULTS.with(AgencyRules.Rule.ACCEPTABLE_WEEKS_AFTER_END, 2);
        LocalDate today = END.plusDays(20);

        assertThat(askOn(today, null, AgencyRules.DEFAULTS).uploadBy()).isNull();
        assertThat(askOn(today, null, twoWeeks).uploadBy()).isEqualTo(today.plusDays(28));
        assertThat(askOn(today, null, twoWeeks).emailBody()).contains("I know this is later than ideal");
    }
}
