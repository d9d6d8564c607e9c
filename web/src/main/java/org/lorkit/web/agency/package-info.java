/** Agency staff and admin pages. */
package org.lorkit.web.agency;
