/** The student's dated work log during a rotation: the raw material of the kit's summary bullets. */
package org.lorkit.domain.worklog;
