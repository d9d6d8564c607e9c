package org.lorkit.domain.letter;

import org.junit.jupiter.api.Test;
import org.lorkit.domain.letter.ErasReport.Status;

import java.time.LocalDate;

import static org.assertj.core.api.Assertions.assertThat;

class ErasReportTest {
    private static final LocalDate TODAY = LocalDate.of(2027, 8, 10);

    @Test
    void nothing_reported_is_no_mismatch() {
        assertThat(ErasReport.NONE.status(TODAY)).isEqualTo(Status.NOTHING_YET);
        assertThat(ErasReport.NONE.describe("Dr. Lee", TODAY)).isEqualTo("ERAS: not received yet");
    }

    @Test
    void the_writer_side_alone_turns_into_a_mismatch_on_the_third_day() {
        assertThat(new ErasReport(TODAY.minusDays(2), null).status(TODAY)).isEqualTo(Status.WRITER_REPORTED);
        assertThat(new ErasReport(TODAY.minusDays(3), null).status(TODAY)).isEqualTo(Status.MISMATCH_NOT_IN_ERAS);
    }

    @Test
    void the_eras_side_alone_turns_into_a_mismatch_on_the_third_day_too() {
        assertThat(new ErasReport(null, TODAY.minusDays(2)).status(TODAY)).isEqualTo(Status.RECEIVED);
        ErasReport silent = new ErasReport(null, TODAY.minusDays(5));
        assertThat(silent.status(TODAY)).isEqualTo(Status.MISMATCH_WRITER_SILENT);
        assertThat(silent.describe("Dr. Lee", TODAY))
                .isEqualTo("Mismatch: ERAS has shown a letter 5 days ago but Dr. Lee never said they uploaded it: "
                        + "check in ERAS that it is listed under Dr. Lee");
    }

    @Test
    void both_sides_agreeing_clears_the_flag_however_late() {
        ErasReport both = new ErasReport(TODAY.minusDays(20), null).withReceived(TODAY);
        assertThat(both.status(TODAY)).isEqualTo(Status.CONFIRMED);
        assertThat(both.isMismatch(TODAY)).isFalse();
    }

    @Test
    void a_second_report_keeps_the_first_day() {
        ErasReport first = new ErasReport(TODAY.minusDays(4), null);
        assertThat(first.withWriterReport(TODAY)).isEqualTo(first);
    }

    @Test
    void a_second_received_keeps_the_first_day_too() {
        ErasReport first = new ErasReport(null, TODAY.minusDays(1));
        assertThat(first.withReceived(TODAY)).isEqualTo(first);
        assertThat(first.receivedOn()).isEqualTo(TODAY.minusDays(1));
    }

    @Test
    void the_writer_taking_back_their_word_leaves_what_eras_shows() {
        ErasReport both = new ErasReport(TODAY.minusDays(1), TODAY);
        assertThat(both.withoutWriterReport()).isEqualTo(new ErasReport(null, TODAY));
        assertThat(both.writerReportedOn()).isEqualTo(TODAY.minusDays(1));
    }

    @Test
    void only_the_writers_word_makes_a_report_writer_reported() {
        assertThat(new ErasReport(TODAY, null).isWriterReported()).isTrue();
        assertThat(new ErasReport(TODAY, TODAY).isWriterReported()).isTrue();
        assertThat(new ErasReport(null, TODAY).isWriterReported()).isFalse();
        assertThat(ErasReport.NONE.isWriterReported()).isFalse();
    }

    @Test
    void reports_of_the_same_days_are_equal() {
        assertThat(new ErasReport(TODAY, null)).isEqualTo(new ErasReport(TODAY, null))
                .hasSameHashCodeAs(new ErasReport(TODAY, null))
                .isNotEqualTo(new ErasReport(null, TODAY));
        assertThat(new ErasReport(null, null)).isEqualTo(ErasReport.NONE);
    }

    @Test
    void the_sentences_say_how_long_ago() {
        assertThat(new ErasReport(TODAY, null).describe("Dr. Lee", TODAY))
                .isEqualTo("Reported by the writer: Dr. Lee says the letter was uploaded today. It counts as received once ERAS "
                        + "shows it: check ERAS, then record it here");
        assertThat(new ErasReport(null, TODAY.minusDays(1)).describe("Dr. Lee", TODAY)).isEqualTo("ERAS shows it received yesterday");
        assertThat(new ErasReport(TODAY, TODAY).describe("Dr. Lee", TODAY)).isEqualTo("Received in ERAS, and Dr. Lee confirms the upload");
        assertThat(new ErasReport(TODAY.minusDays(3), null).describe("Dr. Lee", TODAY))
                .isEqualTo("Mismatch: Dr. Lee reported the upload 3 days ago but ERAS does not show it: ask them to check the upload "
                        + "link from AAMC, and tell your agency");
    }
}
