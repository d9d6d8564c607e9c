/** Feedback checks: testing the waters with an attending before asking for a letter. */
package org.lorkit.domain.feedback;
