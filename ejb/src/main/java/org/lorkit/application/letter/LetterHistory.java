package org.lorkit.application.letter;

import jakarta.enterprise.context.Dependent;
import jakarta.inject.Inject;
import org.lorkit.application.TenantData;
import org.lorkit.application.webhook.WebhookEvents;
import org.lorkit.domain.letter.LetterRequestEvent;

import java.util.List;
import java.util.Optional;

/**
 * Where every entry of a request's history is recorded, whichever service made it: the entry itself, and, when the
 * request moved to another state, the webhook events of that move (letter.state_changed, letter.not_coming) in the
 * same transaction. A service never persists a {@link LetterRequestEvent} itself, so that no move escapes the
 * webhooks. (DemoData, which seeds a new agency that has no endpoint yet, writes its invented history directly.)
 */
@Dependent
public class LetterHistory {
    @Inject
    TenantData tenant;
    @Inject
    org.lorkit.application.dashboard.StandingChanges standings;
    @Inject
    WebhookEvents webhooks;

    public void record(LetterRequestEvent entry) {
        tenant.em().persist(entry);
        // Whatever moved, the student's standing is counted again with it (StandingRefresh).
        standings.student(entry.getRequest().getStudent().getId());
        if (entry.getFromState() != entry.getToState()) {
            webhooks.letterMoved(entry);
        }
    }

    /**
     * Before a batch of moves (a reminder sweep's chunk): reads now what recording them reads (the agency's webhook
     * endpoints), so that recording asks the database nothing per move while no endpoint wants them, and the batch's
     * writes wait to be sent together. (With endpoints, each move's events are numbered under its row lock, a statement
     * per move.)
     */
    public void prepareForBatch() {
        webhooks.prepare();
    }

    /** An entry a rule may or may not have made (the same answer twice changes nothing). */
    public void record(Optional<LetterRequestEvent> entry) {
        entry.ifPresent(this::record);
    }

    /** Entries one change made, in their order (an answer recorded as asked, then answered). */
    public void record(List<LetterRequestEvent> entries) {
        entries.forEach(this::record);
    }
}
