/**
 * LorKit's REST API for agencies' systems, under {@code /api/v1}: Jakarta REST resources that call the application
 * services only, JSON-B bodies, pages and ETags on lists, and RFC 9457 problem details for every error. Callers are the
 * agency's API clients (Keycloak service accounts acting as staff) or staff with a bearer token; the agency is the
 * token's, found by {@code TokenAgencyFilter} as for any request. docs/api.md says how to call it.
 */
package org.lorkit.web.api;
