/** Demo data for the run command: an agency whose rotations and letters sit around today's date. */
package org.lorkit.application.demo;
