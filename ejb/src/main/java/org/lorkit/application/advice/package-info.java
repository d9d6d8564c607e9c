/** The student's portal services: next actions on the home page, and the ask with its answer. */
package org.lorkit.application.advice;
