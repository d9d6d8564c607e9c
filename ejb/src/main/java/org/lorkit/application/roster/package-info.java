/**
 * Importing students and their rotations (with the supervising attendings) from a CSV file: a preview
 * that lists every row's problems and stores nothing, then one all-or-nothing transaction in the
 * background with progress the page polls, then an explicit step that invites the new students.
 */
package org.lorkit.application.roster;
