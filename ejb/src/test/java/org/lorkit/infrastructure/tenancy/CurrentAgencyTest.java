package org.lorkit.infrastructure.tenancy;

import org.jboss.logging.MDC;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.lorkit.infrastructure.logging.LogContext;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import static org.assertj.core.api.Assertions.assertThat;

class CurrentAgencyTest {
    private final List<Long> lookedUp = new ArrayList<>();

    @AfterEach
    void forgetTheLookup() {
        CurrentAgency.findSlugsWith(null);
        MDC.clear();
    }

    private void slugs(Map<Long, String> known) {
        CurrentAgency.findSlugsWith(id -> {
            lookedUp.add(id);
            return Optional.ofNullable(known.get(id));
        });
    }

    @Test
    void an_entered_agency_names_itself_in_the_log_by_its_slug_until_its_scope_closes() {
        slugs(Map.of(101L, "bridgeway"));
        try (CurrentAgency.Scope in = CurrentAgency.enter(101)) {
            assertThat(CurrentAgency.require()).isEqualTo(101);
            assertThat(MDC.get(LogContext.AGENCY)).isEqualTo("bridgeway");
        }
        assertThat(CurrentAgency.id()).isEmpty();
        assertThat(MDC.get(LogContext.AGENCY)).isNull();
    }

    @Test
    void a_nested_agency_gives_the_log_back_the_outer_one() {
        slugs(Map.of(102L, "bridgeway", 103L, "northstar"));
        try (CurrentAgency.Scope outer = CurrentAgency.enter(102)) {
            String inner = CurrentAgency.callAs(103, () -> (String) MDC.get(LogContext.AGENCY));
            assertThat(inner).isEqualTo("northstar");
            assertThat(MDC.get(LogContext.AGENCY)).isEqualTo("bridgeway");
            assertThat(CurrentAgency.require()).isEqualTo(102);
        }
        assertThat(MDC.get(LogContext.AGENCY)).isNull();
    }

    @Test
    void a_slug_is_looked_up_once() {
        slugs(Map.of(104L, "bridgeway"));
        CurrentAgency.runAs(104, () -> { });
        CurrentAgency.runAs(104, () -> { });
        assertThat(lookedUp).containsExactly(104L);
    }

    @Test
    void an_agency_without_a_known_slug_is_named_by_its_id_and_looked_up_again_next_time() {
        assertThat(CurrentAgency.callAs(105, () -> MDC.get(LogContext.AGENCY))).as("no lookup yet").isEqualTo("agency-105");

        slugs(Map.of());
        assertThat(CurrentAgency.callAs(105, () -> MDC.get(LogContext.AGENCY))).as("not found").isEqualTo("agency-105");
        CurrentAgency.findSlugsWith(id -> {
            throw new IllegalStateException("the database is away");
        });
        assertThat(CurrentAgency.callAs(105, () -> MDC.get(LogContext.AGENCY))).as("lookup failed").isEqualTo("agency-105");

        slugs(Map.of(105L, "late-agency"));
        assertThat(CurrentAgency.callAs(105, () -> MDC.get(LogContext.AGENCY))).isEqualTo("late-agency");
    }

    @Test
    void the_work_runs_in_the_agency_even_when_its_slug_cannot_be_found() {
        CurrentAgency.findSlugsWith(id -> {
            throw new IllegalStateException("the database is away");
        });
        assertThat(CurrentAgency.callAs(106, CurrentAgency::require)).isEqualTo(106);
    }
}
