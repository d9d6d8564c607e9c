/** The agency's systems that call LorKit's API: each a Keycloak service account of the agency, and who made or revoked it. */
package org.lorkit.domain.apiclient;
