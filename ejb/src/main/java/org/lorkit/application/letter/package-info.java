/** Planning letter requests and moving them through their states, each move recorded as an event. */
package org.lorkit.application.letter;
