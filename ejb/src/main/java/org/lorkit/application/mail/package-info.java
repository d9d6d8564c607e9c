/** The emails about letter requests: written to the outbox with the change that causes them, rendered and sent afterwards. */
package org.lorkit.application.mail;
