package org.lorkit.infrastructure.logging;

import org.jboss.logging.MDC;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;

import static org.assertj.core.api.Assertions.assertThat;

class LogContextTest {
    @AfterEach
    void clear() {
        MDC.clear();
    }

    @Test
    void a_job_runs_under_an_id_of_its_own_named_for_it_without_an_agency_and_then_gives_back_what_was_there() {
        MDC.put(LogContext.REQUEST, "5c1e0a9f3b2d");
        MDC.put(LogContext.AGENCY, "inherited-from-a-request");
        String id;
        try (LogContext.Scope run = LogContext.job("reminders")) {
            id = (String) MDC.get(LogContext.REQUEST);
            assertThat(MDC.get(LogContext.AGENCY)).isNull();
        }
        assertThat(id).matches("reminders-[0-9a-f]{12}");
        assertThat(MDC.get(LogContext.REQUEST)).isEqualTo("5c1e0a9f3b2d");
        assertThat(MDC.get(LogContext.AGENCY)).isEqualTo("inherited-from-a-request");
    }

    @Test
    void every_run_has_another_id() {
        String first;
        try (LogContext.Scope run = LogContext.job("outbox")) {
            first = (String) MDC.get(LogContext.REQUEST);
        }
        try (LogContext.Scope run = LogContext.job("outbox")) {
            assertThat(MDC.get(LogContext.REQUEST)).isNotEqualTo(first);
        }
        assertThat(MDC.get(LogContext.REQUEST)).isNull();
    }

    @Test
    void carried_work_runs_on_another_thread_in_this_context_and_leaves_that_thread_as_it_was() throws Exception {
        ExecutorService executor = Executors.newSingleThreadExecutor();
        try {
            String[] seen;
            try (LogContext.Scope run = LogContext.job("outbox"); LogContext.Scope agency = LogContext.put(LogContext.AGENCY, "bridgeway")) {
                String id = (String) MDC.get(LogContext.REQUEST);
                seen = executor.submit(LogContext.carried(() -> new String[]{(String) MDC.get(LogContext.REQUEST),
                        (String) MDC.get(LogContext.AGENCY)})).get();
                assertThat(seen).containsExactly(id, "bridgeway");
            }
            Object[] after = executor.submit(() -> new Object[]{MDC.get(LogContext.REQUEST), MDC.get(LogContext.AGENCY)}).get();
            assertThat(after).containsOnlyNulls();
        } finally {
            executor.shutdownNow();
        }
    }
}
