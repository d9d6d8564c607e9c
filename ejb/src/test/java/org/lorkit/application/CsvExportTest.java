package org.lorkit.application;

import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.Arrays;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

class CsvExportTest {

    private final CsvExport.File file = CsvExport.file("students", LocalDate.of(2026, 12, 2), List.of("Student", "School"),
            List.of(List.of("Zoë Nuñez-Çelik", "Université de Montréal"), List.of("ليلى حسن", "جامعة القاهرة"),
                    List.of("अनन्या शर्मा", "AIIMS"), List.of("王芳", "北京大学")));

    @Test
    void a_download_is_utf_8_after_a_byte_order_mark_so_that_excel_reads_every_name() {
        byte[] bytes = file.bytes();

        assertThat(Arrays.copyOf(bytes, 3)).containsExactly(0xEF, 0xBB, 0xBF);
        assertThat(new String(bytes, 3, bytes.length - 3, StandardCharsets.UTF_8)).isEqualTo(file.text());
    }

    @Test
    void the_text_has_no_byte_order_mark_and_every_name_as_written() {
        assertThat(file.name()).isEqualTo("lorkit-students-2026-12-02.csv");
        assertThat(file.text()).startsWith("Student,School\r\n")
                .contains("Zoë Nuñez-Çelik,Université de Montréal\r\n", "ليلى حسن,جامعة القاهرة\r\n",
                        "अनन्या शर्मा,AIIMS\r\n", "王芳,北京大学\r\n");
    }
}
