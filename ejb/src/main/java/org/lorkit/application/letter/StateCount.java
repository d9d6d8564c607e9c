package org.lorkit.application.letter;

import org.lorkit.domain.letter.LetterState;

import java.io.Serializable;

public record StateCount(LetterState state, long letters) implements Serializable {
}
