/** Letter requests, their state machine and audit trail, and the rules for value, goal, deadline and reminders. */
package org.lorkit.domain.letter;
