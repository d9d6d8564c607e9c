package org.lorkit.domain.feedback;

public enum FeedbackSignal {
    GREEN_LIGHT, NEUTRAL, RED_FLAG
}
