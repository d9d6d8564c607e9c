/** Rotations (placements), who supervised them for how long, and the ask window rules. */
package org.lorkit.domain.rotation;
