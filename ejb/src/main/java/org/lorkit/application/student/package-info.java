/** Enrolling students in cohorts and keeping their ERAS identity and target specialties. */
package org.lorkit.application.student;
