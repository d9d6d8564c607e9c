/**
 * The timed sweeps that decide, per agency and on that agency's clock, which emails are due: reminders to
 * attendings, the student's email when a rotation's ask window opens, and the staff's daily digest. The digest lives
 * here rather than in {@code mail} because it is a scheduled per-agency run (a timer, a run row per day) like the
 * reminder sweep; only its wording is in {@code mail}.
 */
package org.lorkit.application.reminder;
