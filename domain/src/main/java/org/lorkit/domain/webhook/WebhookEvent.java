package org.lorkit.domain.webhook;

import jakarta.json.Json;
import jakarta.json.JsonObjectBuilder;
import org.lorkit.domain.letter.LetterRequest;
import org.lorkit.domain.letter.LetterState;
import org.lorkit.domain.outbox.MailKind;
import org.lorkit.domain.shared.Require;

import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.UUID;

/**
 * One event, as every endpoint that subscribes to it receives it. The body names things by id and state only: no
 * names, addresses, document contents or link tokens leave LorKit this way (a receiver that needs more asks with its
 * own access). The id is the same for every endpoint and every attempt, so a receiver can drop a repeat; the sequence
 * counts the events of one letter request (1, 2, 3…, gaps possible), so a receiver can order them.
 *
 * @param sequence the request's event number; 0 for the test event, which names no request
 * @param letter   the request it is about; null for the test event
 * @param mail     the email it is about (kit.sent, reminder.sent, mail.bounced); null otherwise
 */
public record WebhookEvent(UUID id, WebhookEventType type, Instant occurredAt, String agency, long sequence, Letter letter, Mail mail) {
    /** What the event says of the request: its ids, the state it is in now and, for a move, the state it left. */
    public record Letter(long id, long studentId, long attendingId, Long rotationId, LetterState state, LetterState previousState) {
        public static Letter of(LetterRequest request, LetterState previousState) {
            return new Letter(request.getId(), request.getStudent().getId(), request.getAttending().getId(),
                    request.getRotation() == null ? null : request.getRotation().getId(), request.getState(), previousState);
        }
    }

    /** The email an event is about: its kind, and for a reminder which one (1 or 2). */
    public record Mail(MailKind kind) {
        public Integer reminder() {
            return switch (kind) {
                case REMINDER_1 -> 1;
                case REMINDER_2 -> 2;
                default -> null;
            };
        }
    }

    public WebhookEvent {
        Require.present("id", id);
        Require.present("type", type);
        Require.present("occurredAt", occurredAt);
        Require.present("agency", agency);
        if ((type == WebhookEventType.TEST) != (letter == null)) {
            throw new IllegalArgumentException("Every event but the test event is about a letter request");
        }
    }

    /** The test event an admin asks for, to check an endpoint. */
    public static WebhookEvent test(String agency, Instant at) {
        return new WebhookEvent(UUID.randomUUID(), WebhookEventType.TEST, at, agency, 0, null, null);
    }

    /** The JSON body, byte for byte the same on every attempt (it is stored, and signed as stored). */
    public String body() {
        JsonObjectBuilder json = Json.createObjectBuilder()
                .add("id", id.toString())
                .add("type", type.wireName())
                .add("occurredAt", occurredAt.truncatedTo(ChronoUnit.MILLIS).toString())
                .add("agency", agency);
        if (letter != null) {
            json.add("sequence", sequence);
            JsonObjectBuilder request = Json.createObjectBuilder()
                    .add("id", letter.id())
                    .add("studentId", letter.studentId())
                    .add("attendingId", letter.attendingId());
            if (letter.rotationId() != null) {
                request.add("rotationId", letter.rotationId());
            }
            request.add("state", letter.state().name());
            if (letter.previousState() != null) {
                request.add("previousState", letter.previousState().name());
            }
            json.add("letterRequest", request);
        }
        if (mail != null) {
            JsonObjectBuilder email = Json.createObjectBuilder().add("kind", mail.kind().name());
            if (mail.reminder() != null) {
                email.add("reminder", mail.reminder());
            }
            json.add("mail", email);
        }
        return json.build().toString();
    }
}
