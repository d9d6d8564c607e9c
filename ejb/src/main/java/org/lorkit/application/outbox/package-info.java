/**
 * How an email leaves: senders claim due outbox rows, render and send them over SMTP outside any business
 * transaction, record the outcome, and act on refusals and bounce reports alike; plus what staff see of held mail.
 * Separate from what the emails say ({@code mail}), because delivery has its own transactions, timers and failure
 * rules.
 */
package org.lorkit.application.outbox;
