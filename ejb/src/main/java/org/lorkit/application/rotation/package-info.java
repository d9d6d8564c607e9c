/** Placing students on rotations with their supervising attendings, and reading rotations with their ask window. */
package org.lorkit.application.rotation;
