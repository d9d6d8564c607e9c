/** HTTP for webhooks: one POST per attempt, with short timeouts, no redirects, and only to public addresses. */
package org.lorkit.infrastructure.webhook;
