/**
 * The start-up check that refuses a production server running on a development secret or default (the secrets
 * themselves are read through {@link org.lorkit.settings.Settings}).
 */
package org.lorkit.infrastructure.settings;
