/** Agency staff and admin pages: the overview, the dashboard, one student, people, settings. */
package org.lorkit.web.agency;
