/** The platform operator's pages: the agencies (tenants). */
package org.lorkit.web.operator;
