package org.lorkit.domain.document;

public enum DocumentKind {
    CV, PERSONAL_STATEMENT
}
