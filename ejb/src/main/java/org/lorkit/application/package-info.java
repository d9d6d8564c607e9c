/** Application services: one stateless bean per use-case area, the only door from the web into the domain. */
package org.lorkit.application;
