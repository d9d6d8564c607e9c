/**
 * The agency's letter completion dashboard: headline figures, the funnel, the students behind each figure
 * (at risk first), one student's timeline, and what staff do about it, from a few aggregate queries.
 */
package org.lorkit.application.dashboard;
