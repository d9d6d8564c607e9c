/**
 * The one tenancy mechanism: the agency of the current unit of work, and the EntityManager created
 * per transaction with that agency as EclipseLink's tenant id.
 */
package org.lorkit.infrastructure.tenancy;
