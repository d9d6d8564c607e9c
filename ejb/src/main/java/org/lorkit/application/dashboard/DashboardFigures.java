package org.lorkit.application.dashboard;

import org.lorkit.domain.letter.LetterState;

import java.io.Serializable;
import java.time.Instant;
import java.util.List;
import java.util.Map;

/**
 * The headline figures of a cohort or of the whole agency.
 *
 * @param students  how many students are in scope
 * @param standings students per standing (every standing present, zero when none)
 * @param letters   letter requests per state (every state present)
 * @param funnel    from rotation to uploaded letter, in order
 * @param asOf      when they were read (from the kept standing rows, counted with every change: never older)
 */
public record DashboardFigures(long students, Map<Standing, Long> standings, Map<LetterState, Long> letters,
                               List<FunnelStage> funnel, Instant asOf) implements Serializable {

    /** One stage of the funnel: how many rotations, or letter requests, got that far. */
    public record FunnelStage(FunnelStep step, String label, long count) implements Serializable {
    }

    public long standing(Standing standing) {
        return standings.getOrDefault(standing, 0L);
    }
}
