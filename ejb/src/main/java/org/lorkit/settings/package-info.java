/**
 * LorKit's settings: every system property and LORKIT_* environment variable is named and read in one class,
 * {@link org.lorkit.settings.Settings}, through MicroProfile Config. It depends on nothing else of LorKit.
 */
package org.lorkit.settings;
