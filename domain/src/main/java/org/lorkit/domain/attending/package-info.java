/** Attendings: the agency's directory of letter writers, reused across students, and the letter value rank. */
package org.lorkit.domain.attending;
