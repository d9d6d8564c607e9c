package org.lorkit.domain.outbox;

public enum OutboxStatus {
    PENDING, SENT, FAILED
}
