package org.lorkit.domain.letter;

import org.lorkit.domain.shared.Dates;
import org.lorkit.domain.shared.PersonName;

import java.time.LocalDate;
import java.util.List;
import java.util.Locale;

/**
 * "My attending asked me to draft it": a factual, conservative summary in letter form. LorKit adds no
 * praise of its own: every sentence is either a fact of the rotation or one of the student's own bullets,
 * and the text says plainly that it is a draft the attending owns and should rewrite in their own words.
 */
public final class DraftLetter {
    /** Words a draft must not add: the attending decides how strong the letter is, not the student. */
    public static final List<String> SUPERLATIVES = List.of("best", "outstanding", "exceptional", "exceptionally", "brilliant",
            "top", "finest", "strongest", "extraordinary", "remarkable", "unparalleled", "highest", "superb", "excellent");

    /** {@code writerName}: the writer's whole name, as it signs the letter ("Dr. Priya Patel"). */
    public record Facts(String studentName, String writerName, String rotationSpecialty, String site, LocalDate startDate,
                        LocalDate endDate, String role, String letterFor, List<String> bullets) {
    }

    private DraftLetter() {
    }

    public static String write(Facts facts) {
        StringBuilder text = new StringBuilder();
        // the note speaks of the writer as the student would, by title and family name; the signature is their whole name
        String writer = PersonName.doctor(facts.writerName());
        text.append("DRAFT FOR ").append(writer.toUpperCase(Locale.US)).append(" TO REVIEW AND REWRITE - NOT A FINAL LETTER\n");
        text.append("Prepared by ").append(facts.studentName()).append(" at ").append(writer)
                .append("'s request. It lists facts only; the assessment, the final wording and the signature are yours.\n\n");
        text.append("Dear Program Director,\n\n");
        text.append("I am writing about ").append(facts.studentName()).append(", who worked with me on the ")
                .append(facts.rotationSpecialty()).append(" service at ").append(facts.site()).append(" from ")
                .append(Dates.day(facts.startDate())).append(" to ").append(Dates.day(facts.endDate()))
                .append(" as a ").append(facts.role()).append(". This letter is written for ").append(facts.letterFor()).append(".\n\n");
        if (facts.bullets().isEmpty()) {
            text.append("[What ").append(facts.studentName()).append(" did on the service: add the facts you observed.]\n\n");
        } else {
            text.append("During the rotation, ").append(facts.studentName()).append(":\n");
            facts.bullets().forEach(b -> text.append("- ").append(b).append('\n'));
            text.append('\n');
        }
        text.append("[Your assessment of ").append(facts.studentName())
                .append("'s clinical skills, work ethic and readiness for residency, in your own words.]\n\n");
        text.append("Sincerely,\n\n").append(facts.writerName()).append("\n[Title, department, institution, contact details]\n");
        return text.toString();
    }
}
