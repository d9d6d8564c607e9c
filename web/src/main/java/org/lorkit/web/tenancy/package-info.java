/** Puts the agency of each web request in context before any page code runs. */
package org.lorkit.web.tenancy;
