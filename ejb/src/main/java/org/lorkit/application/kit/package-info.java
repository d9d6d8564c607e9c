/** The letter kit: the student's documents, the work log and its summary bullets, the combined kit PDF. */
package org.lorkit.application.kit;
