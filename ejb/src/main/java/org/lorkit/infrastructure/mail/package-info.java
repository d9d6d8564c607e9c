/**
 * Mail on the wire: sending over SMTP (with timeouts and a return path per message), reading the bounce mailbox over
 * IMAP, parsing delivery and complaint reports, and the templates the emails are rendered from. What an email says is
 * in {@code application.mail}; when it leaves, in {@code application.outbox}.
 */
package org.lorkit.infrastructure.mail;
