package org.lorkit.domain.advice;

import org.lorkit.domain.letter.KitDeadline;
import org.lorkit.domain.rotation.AskWindow;

import org.lorkit.domain.shared.Dates;

import java.time.LocalDate;

/**
 * LorKit's words for asking an attending for a strong letter, in person and by email. Past the acceptable window
 * (late, or months later) both say so and name a specific date, as the guide says for an August ask before a
 * September submission: "I know this is close to application season, but if you're able to submit a letter by
 * [specific date], I'd be very grateful." The date is the kit deadline the agency's rules propose for an ask today,
 * which never falls after the student's planned submit date ({@link KitDeadline#proposeFor}).
 *
 * @param uploadBy the specific date the late ask names; null when the ask is not late
 */
public record AskScript(String inPerson, String emailSubject, String emailBody, LocalDate uploadBy) {
    /**
     * Who asks whom, about which rotation.
     *
     * @param doctor how the student addresses the attending: title and family name, "Dr. Patel"
     *               ({@link org.lorkit.domain.shared.PersonName#doctor})
     */
    public record Ask(String doctor, String studentName, String targetField, String service, String site, LocalDate rotationStart,
                      LocalDate rotationEnd) {
    }

    /**
     * @param window   where today falls for the rotation (by the agency's numbers)
     * @param deadline the kit deadline proposed for an ask today ({@link KitDeadline#proposeFor}(today, planned submit date))
     */
    public static AskScript write(Ask ask, AskWindow window, KitDeadline deadline) {
        String subject = "Request for a strong letter of recommendation – " + ask.studentName();
        String thanks = "Thank you for the time I spent on your " + ask.service() + " service at " + ask.site() + " in "
                + Dates.months(ask.rotationStart(), ask.rotationEnd()) + ". Working with you taught me a great deal.\n\n";
        String request = "I am applying to " + ask.targetField() + " residency this cycle. Would you feel comfortable writing me a strong "
                + "letter of recommendation based on my performance on your rotation?\n\n";
        String closing = "With thanks,\n" + ask.studentName();
        if (!window.isLate()) {
            String inPerson = ask.doctor() + ", I have really valued working with you on this rotation, and I am applying to " + ask.targetField()
                    + " residency this cycle. Would you feel comfortable writing me a strong letter of recommendation based on my work here?";
            String body = "Dear " + ask.doctor() + ",\n\n" + thanks + request
                    + "If so, I will send you my CV, my personal statement, a short summary of my work on your service and my ERAS ID "
                    + "the same day, with a deadline a few weeks away. If not, I completely understand.\n\n" + closing;
            return new AskScript(inPerson, subject, body, null);
        }
        LocalDate by = deadline.date();
        String late = window.phase() == AskWindow.Phase.POOR
                ? "I know it has been months since my rotation with you, and that this is later than ideal"
                : "I know this is later than ideal, close to application season";
        String inPerson = ask.doctor() + ", I really valued working with you on your " + ask.service() + " service, and I am applying to "
                + ask.targetField() + " residency this cycle. Would you feel comfortable writing me a strong letter of recommendation "
                + "based on my work with you? " + late + "; would you be able to upload it by " + Dates.weekdayAndDay(by) + "?";
        String body = "Dear " + ask.doctor() + ",\n\n" + thanks + request
                + late + ". If you are able to write it, would you be able to upload it by " + Dates.weekdayAndDay(by)
                + "? I would be very grateful.\n\n"
                + "If so, I will send you my CV, my personal statement, a short summary of my work on your service and my ERAS ID "
                + "the same day. If not, I completely understand.\n\n" + closing;
        return new AskScript(inPerson, subject, body, by);
    }
}
