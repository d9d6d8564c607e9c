/** Students (rotators): the IMGs an agency places, with their target specialties and ERAS identity. */
package org.lorkit.domain.student;
