/** Schema migrations and data access helpers shared by the application services. */
package org.lorkit.infrastructure.persistence;
