/** The mail outbox: emails written in the business transaction and sent after it, at least once. */
package org.lorkit.domain.outbox;
