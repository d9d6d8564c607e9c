package org.lorkit.application.roster;

import java.io.Serializable;

/**
 * What is wrong with one cell of the file: the line as an editor shows it (the header is line 1), the
 * column as the header names it, and a message fit for the page.
 */
public record RowProblem(long line, String column, String message) implements Serializable {
}
