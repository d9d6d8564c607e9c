/**
 * Small pieces the pages share: {@code Messages.attempt}, the one way a form reports what a service refused; EL support
 * for the records the services return; upload checks; the id of each request in the log (RequestIdFilter).
 */
package org.lorkit.web.support;
