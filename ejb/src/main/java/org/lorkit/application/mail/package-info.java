/**
 * What LorKit's emails say: the letter emails written to the outbox with the change that causes them and rendered
 * when they are sent, the digest's contents and the alerts to admins. Kept apart from how mail is sent
 * ({@code outbox}) and when the scheduled sweeps write it ({@code reminder}), so the words change without touching
 * delivery.
 */
package org.lorkit.application.mail;
