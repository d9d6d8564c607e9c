/** Capability links for attendings, who never log in: one letter request and one purpose per link, stored as a hash. */
package org.lorkit.domain.link;
