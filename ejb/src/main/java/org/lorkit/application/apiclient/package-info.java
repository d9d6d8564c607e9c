/**
 * The agency's API clients: its admin creates one (a Keycloak client with only a service account, acting as the agency's
 * staff) and revokes it; LorKit keeps the list and who did what, never the secret.
 */
package org.lorkit.application.apiclient;
