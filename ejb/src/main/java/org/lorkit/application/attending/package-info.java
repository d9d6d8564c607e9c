/** The agency's attending directory, de-duplicated by email. */
package org.lorkit.application.attending;
