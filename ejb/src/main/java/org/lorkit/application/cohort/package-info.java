/** Creating, reading and summarising an agency's cohorts. */
package org.lorkit.application.cohort;
