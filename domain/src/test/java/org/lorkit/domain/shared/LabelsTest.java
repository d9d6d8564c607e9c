package org.lorkit.domain.shared;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.ResourceBundle;
import java.util.Set;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.lorkit.domain.letter.LetterState;
import org.lorkit.domain.rotation.AskWindow;

class LabelsTest {
    /** Enums no person reads: how the machinery decides, never a word on a page or in an email. */
    private static final Set<String> INTERNAL = Set.of("AgencyRules.Rule", "AttendingLink.Access", "LinkPurpose",
            "MailKind.Recipient", "ReminderPolicy.Action", "SmtpReply.Outcome");

    @Test
    void a_constant_reads_as_words() {
        assertThat(Labels.of(LetterState.KIT_SENT)).isEqualTo("Kit sent");
        assertThat(Labels.of(AskWindow.Phase.TOO_EARLY)).isEqualTo("Too early to ask");
        assertThat(Labels.of(null)).isEmpty();
    }

    @Test
    void inside_a_sentence_a_label_starts_in_lower_case_unless_with_an_acronym() {
        assertThat(Labels.inSentence(LetterState.KIT_SENT)).isEqualTo("kit sent");
        assertThat(Labels.inSentence(LetterState.SUBMITTED)).isEqualTo("in ERAS");
        assertThat(Labels.inSentence(org.lorkit.domain.document.DocumentKind.CV)).isEqualTo("CV");
        assertThat(Labels.inSentence(null)).isEmpty();
    }

    @Test
    void nested_enums_are_keyed_by_their_enclosing_type() {
        assertThat(Labels.key(AskWindow.Phase.IDEAL)).isEqualTo("AskWindow.Phase.IDEAL");
    }

    @Test
    void every_constant_of_every_enum_a_person_reads_has_a_label() throws Exception {
        ResourceBundle bundle = ResourceBundle.getBundle(Labels.BUNDLE, Locale.ENGLISH);
        List<String> missing = new ArrayList<>();
        for (Class<?> type : domainEnums()) {
            for (Object constant : type.getEnumConstants()) {
                String key = Labels.key((Enum<?>) constant);
                String owner = key.substring(0, key.lastIndexOf('.'));
                if (!INTERNAL.contains(owner) && !bundle.containsKey(key)) {
                    missing.add(key);
                }
            }
        }
        assertThat(missing).as("constants without a label in labels.properties").isEmpty();
    }

    @Test
    void no_label_is_its_own_constant() throws Exception {
        ResourceBundle bundle = ResourceBundle.getBundle(Labels.BUNDLE, Locale.ENGLISH);
        for (String key : bundle.keySet()) {
            if (key.equals("DocumentKind.CV")) {
                continue; // the one acronym every reader knows
            }
            assertThat(bundle.getString(key)).as(key).isNotBlank().isNotEqualTo(key.substring(key.lastIndexOf('.') + 1));
        }
    }

    /** Every enum compiled into the domain module (its classes directory). */
    static List<Class<?>> domainEnums() throws IOException, URISyntaxException {
        Path classes = Path.of(Labels.class.getProtectionDomain().getCodeSource().getLocation().toURI());
        List<Class<?>> enums = new ArrayList<>();
        try (Stream<Path> files = Files.walk(classes)) {
            for (Path file : (Iterable<Path>) files.filter(f -> f.toString().endsWith(".class"))::iterator) {
                String name = classes.relativize(file).toString().replace(file.getFileSystem().getSeparator(), ".")
                        .replaceAll("\\.class$", "");
                try {
                    Class<?> type = Class.forName(name, false, Labels.class.getClassLoader());
                    if (type.isEnum()) {
                        enums.add(type);
                    }
                } catch (ClassNotFoundException | LinkageError notLoadable) {
                    // package-info and the like
                }
            }
        }
        return enums;
    }
}
