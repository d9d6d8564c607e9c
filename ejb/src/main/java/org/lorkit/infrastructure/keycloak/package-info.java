/** Keycloak's Admin REST API through keycloak-admin-client, with the lorkit-admin service account. */
package org.lorkit.infrastructure.keycloak;
