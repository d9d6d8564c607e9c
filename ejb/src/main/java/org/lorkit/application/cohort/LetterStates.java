package org.lorkit.application.cohort;

import org.lorkit.domain.letter.LetterState;

import java.util.Arrays;
import java.util.List;

final class LetterStates {
    static final List<LetterState> OPEN = Arrays.stream(LetterState.values()).filter(LetterState::isOpen).toList();

    private LetterStates() {
    }
}
