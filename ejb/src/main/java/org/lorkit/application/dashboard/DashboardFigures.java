package org.lorkit.application.dashboard;

import org.lorkit.domain.letter.LetterState;

import java.io.Serializable;
import java.time.Duration;
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
 * @param asOf      when they were computed (they are shared for a few seconds: FigureCache)
 * @param readAt    when the caller got them, on the same clock (null until {@link #readAt(Instant)})
 */
public record DashboardFigures(long students, Map<Standing, Long> standings, Map<LetterState, Long> letters,
                               List<FunnelStage> funnel, Instant asOf, Instant readAt) implements Serializable {

    public DashboardFigures(long students, Map<Standing, Long> standings, Map<LetterState, Long> letters,
                            List<FunnelStage> funnel, Instant asOf) {
        this(students, standings, letters, funnel, asOf, null);
    }

    /** The same figures, handed out at this time: the page shows how old they are without a clock of its own. */
    public DashboardFigures readAt(Instant now) {
        return new DashboardFigures(students, standings, letters, funnel, asOf, now);
    }

    /** How many whole seconds had passed since they were counted when the caller got them. */
    public long secondsOld() {
        return readAt == null ? 0 : Math.max(0, Duration.between(asOf, readAt).toSeconds());
    }

    /** One stage of the funnel: how many rotations, or letter requests, got that far. */
    public record FunnelStage(FunnelStep step, String label, long count) implements Serializable {
    }

    public long standing(Standing standing) {
        return standings.getOrDefault(standing, 0L);
    }
}
