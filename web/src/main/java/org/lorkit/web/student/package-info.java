/** The student portal's pages, and its downloads (documents, kits, calendar events). */
package org.lorkit.web.student;
