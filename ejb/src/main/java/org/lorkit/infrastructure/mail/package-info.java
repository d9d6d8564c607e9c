/** The outbox and its sender: mail is written in the business transaction and sent afterwards over SMTP, never twice. */
package org.lorkit.infrastructure.mail;
