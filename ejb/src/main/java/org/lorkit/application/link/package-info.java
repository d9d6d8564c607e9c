/** Attending links: what an attending does through one, without an account (see the kit, answer, ask for a fresh link), and how students and staff take links back or send fresh ones. */
package org.lorkit.application.link;
