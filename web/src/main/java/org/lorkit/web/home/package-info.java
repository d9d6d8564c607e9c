/** The agency overview: cohorts, current rotations with their ask windows, letters by state. */
package org.lorkit.web.home;
