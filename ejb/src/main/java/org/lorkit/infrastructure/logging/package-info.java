/**
 * What every log line of a unit of work carries, for an operator searching the logs: the agency and the id of the
 * request or job (the MDC of WildFly's log manager).
 */
package org.lorkit.infrastructure.logging;
