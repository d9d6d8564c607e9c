/**
 * Readiness checks of what LorKit depends on (MicroProfile Health; WildFly serves them at /health/ready on the
 * management interface, port 9990): the database, the SMTP server and Keycloak's realm, each asked with a short
 * timeout and reported by its address, never with a credential. The outbox's own checks (its oldest due email, its
 * sender's liveness) are in {@code application.outbox}, beside the data they read.
 */
package org.lorkit.infrastructure.health;
