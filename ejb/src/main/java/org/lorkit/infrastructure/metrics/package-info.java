/**
 * LorKit's own meters on the Micrometer registry of WildFly's micrometer subsystem, every name declared once in
 * {@link org.lorkit.infrastructure.metrics.Meters}; WildFly exports them with its own at /metrics on the management
 * interface (Prometheus' format).
 */
package org.lorkit.infrastructure.metrics;
