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
}
