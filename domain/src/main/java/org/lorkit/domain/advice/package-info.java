/** The student's next actions, derived from the rules: when to ask, whom, what to send, what to chase. */
package org.lorkit.domain.advice;
