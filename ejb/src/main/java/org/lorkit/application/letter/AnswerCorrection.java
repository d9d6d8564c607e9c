package org.lorkit.application.letter;

import org.lorkit.domain.letter.AnswerHeard;

import java.io.Serializable;
import java.util.List;

/**
 * What correcting a request's answer offers its caller: the request (with the answer recorded), the answers it may
 * become (all but the one recorded; after the kit went out, only the no's), and why the caller cannot correct it now
 * ({@code refusal}, null when they can). {@code byStaff}: the caller is the agency's staff, who may at any time.
 */
public record AnswerCorrection(LetterRequestView request, List<AnswerHeard> choices, String refusal, boolean byStaff)
        implements Serializable {
    public boolean allowed() {
        return refusal == null;
    }
}
