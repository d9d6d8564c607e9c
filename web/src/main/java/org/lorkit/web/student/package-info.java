/** The student portal's pages. */
package org.lorkit.web.student;
