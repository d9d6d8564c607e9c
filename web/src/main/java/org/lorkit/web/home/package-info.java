/** The start page: "/" sends each person to their own pages, by the roles of their login. */
package org.lorkit.web.home;
