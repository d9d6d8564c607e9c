package org.lorkit.it.support;

import javax.sql.DataSource;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;

/**
 * An email of an agency that has been due since a given moment and stays unsent: written straight into the outbox
 * already claimed, for an hour, by a node that does not exist ("elsewhere"), so that no sender of the test server
 * takes it (as when a node died in the middle of sending and its lease has not run out). {@link #release} cancels it.
 */
public final class StuckEmail {
    /** Far above the ids the sequence hands out in a test run. */
    private static final long FIRST_ID = 8_000_000_000L;

    private final DataSource dataSource;
    private final long id;

    private StuckEmail(DataSource dataSource, long id) {
        this.dataSource = dataSource;
        this.id = id;
    }

    public static StuckEmail claimedElsewhere(DataSource dataSource, long agencyId, Instant dueSince) throws SQLException {
        long id = FIRST_ID + System.nanoTime() % 1_000_000_000L;
        try (Connection db = dataSource.getConnection();
             PreparedStatement insert = db.prepareStatement("INSERT INTO outbox_email (id, agency_id, version, dedup_key, kind, to_address, "
                     + "subject, body_text, status, attempts, due_at, claimed_until, claimed_by, recipient_role) "
                     + "VALUES (?, ?, 1, ?, 'NUDGE', 'stuck@student.example', 'Stuck', '', 'PENDING', 0, ?, ?, 'elsewhere:stuck', 'STUDENT')")) {
            insert.setLong(1, id);
            insert.setLong(2, agencyId);
            insert.setString(3, "stuck-" + id);
            insert.setTimestamp(4, Timestamp.from(dueSince));
            insert.setTimestamp(5, Timestamp.from(Instant.now().plusSeconds(3600)));
            insert.executeUpdate();
        }
        return new StuckEmail(dataSource, id);
    }

    public void release() throws SQLException {
        try (Connection db = dataSource.getConnection();
             PreparedStatement cancel = db.prepareStatement("UPDATE outbox_email SET status = 'CANCELLED', claimed_until = NULL, "
                     + "claimed_by = NULL WHERE id = ?")) {
            cancel.setLong(1, id);
            cancel.executeUpdate();
        }
    }
}
