package org.lorkit.application;

import java.io.Serializable;
import java.util.List;

/**
 * One page of a list, in a stable order (by id), and how many there are in all: for callers that walk a long list a
 * page at a time (the API).
 *
 * @param first the index of the first item, from 0
 */
public record Page<T>(List<T> items, long first, long total) implements Serializable {
    /** The most items one page may hold. */
    public static final int MAX_SIZE = 100;
}
