/** The student's portal services: next actions on the home page, the ask with its answer, and their calendar downloads. */
package org.lorkit.application.advice;
