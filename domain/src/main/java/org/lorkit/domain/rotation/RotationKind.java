package org.lorkit.domain.rotation;

/** Hands-on and observerships are clinical; a research placement yields only a research letter. */
public enum RotationKind {
    HANDS_ON, OBSERVERSHIP, RESEARCH;

    public boolean isClinical() {
        return this != RESEARCH;
    }
}
