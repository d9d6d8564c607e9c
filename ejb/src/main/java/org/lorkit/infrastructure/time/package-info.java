/** The one clock: every "now" and "today" in LorKit comes from the injected java.time.Clock. */
package org.lorkit.infrastructure.time;
