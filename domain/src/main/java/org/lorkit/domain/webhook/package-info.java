/**
 * Webhooks: the HTTPS endpoints an agency's admins register for events about its letter requests, the deliveries the
 * outbox sends them (one row per event and endpoint, written in the transaction of the change), the JSON body, the
 * signature receivers check, and which addresses LorKit will send to.
 */
package org.lorkit.domain.webhook;
