/** Cohorts: an agency's rotators for one match cycle, with the cycle's key dates. */
package org.lorkit.domain.cohort;
