package org.lorkit.application.roster;

import jakarta.enterprise.context.ApplicationScoped;

import java.security.SecureRandom;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The imports of this server, in memory: a checked file waits here for "confirm", and the page polls
 * the progress here. Each is found only with its random id and only by its own agency. Previews that
 * were never confirmed and finished imports are dropped after a few hours; an agency keeps at most a
 * few unconfirmed previews. Being in memory, an import's progress is seen on the node that ran it
 * (the web tier's sticky sessions keep a page there), and a restart forgets it, never its stored data.
 */
@ApplicationScoped
public class RosterImports {
    private static final Duration KEEP = Duration.ofHours(6);
    private static final int MAX_PREVIEWS_PER_AGENCY = 5;
    private static final SecureRandom RANDOM = new SecureRandom();

    private final Map<String, RosterImportJob> jobs = new ConcurrentHashMap<>();

    RosterImportJob register(long agencyId, String previewedBy, Instant now, RosterPlan plan) {
        purge(now, agencyId);
        byte[] bytes = new byte[16];
        RANDOM.nextBytes(bytes);
        RosterImportJob job = new RosterImportJob(Base64.getUrlEncoder().withoutPadding().encodeToString(bytes), agencyId,
                previewedBy, now, plan);
        jobs.put(job.id(), job);
        return job;
    }

    /** The import with that id, if it belongs to the agency; another agency's reads as absent. */
    Optional<RosterImportJob> find(String id, long agencyId) {
        return Optional.ofNullable(id == null ? null : jobs.get(id)).filter(job -> job.agencyId() == agencyId);
    }

    private void purge(Instant now, long agencyId) {
        jobs.values().removeIf(job -> !isRunning(job) && job.previewedAt().plus(KEEP).isBefore(now));
        List<RosterImportJob> previews = jobs.values().stream()
                .filter(job -> job.agencyId() == agencyId && job.state() == ImportState.PREVIEWED)
                .sorted(Comparator.comparing(RosterImportJob::previewedAt)).toList();
        for (int i = 0; i <= previews.size() - MAX_PREVIEWS_PER_AGENCY; i++) {
            jobs.remove(previews.get(i).id());
        }
    }

    private static boolean isRunning(RosterImportJob job) {
        return job.state() == ImportState.QUEUED || job.state() == ImportState.RUNNING
                || job.progress().invitationsRunning();
    }
}
