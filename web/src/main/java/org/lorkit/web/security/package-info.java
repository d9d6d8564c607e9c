/** Login through Keycloak (elytron-oidc-client): reading the verified token, logging out everywhere. */
package org.lorkit.web.security;
