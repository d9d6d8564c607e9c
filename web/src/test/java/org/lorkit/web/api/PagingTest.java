package org.lorkit.web.api;

import org.junit.jupiter.api.Test;
import org.lorkit.domain.shared.FieldProblems;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

class PagingTest {
    @Test
    void pagesCountFromOneWith25UnlessToldOtherwise() {
        Paging paging = Paging.of(null, null);

        assertThat(paging.page()).isEqualTo(1);
        assertThat(paging.size()).isEqualTo(25);
        assertThat(paging.first()).isZero();
        assertThat(Paging.of(3, 10).first()).isEqualTo(20);
    }

    @Test
    void aPageOrSizeOutOfBoundsIsRefusedNamingTheParameter() {
        FieldProblems refused = catchThrowableOfType(FieldProblems.class, () -> Paging.of(0, 101));

        assertThat(refused.problems()).extracting(FieldProblems.Problem::field).containsExactly("page", "size");
        assertThat(Paging.of(1, 100).size()).isEqualTo(100);
    }

    @Test
    void theLastPageOfAnEmptyListIsTheFirst() {
        assertThat(Paging.lastPage(0, 25)).isEqualTo(1);
        assertThat(Paging.lastPage(25, 25)).isEqualTo(1);
        assertThat(Paging.lastPage(26, 25)).isEqualTo(2);
    }
}
