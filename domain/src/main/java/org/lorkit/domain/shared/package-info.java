/** Building blocks every aggregate uses: the tenant-owned base entity, specialties, validation errors. */
package org.lorkit.domain.shared;
