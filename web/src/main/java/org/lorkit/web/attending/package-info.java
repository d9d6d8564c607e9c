/**
 * The attending's pages, reached by link without an account: the kit, the answers, a fresh link, the documents. Drawn
 * by a servlet from FreeMarker templates rather than JSF, so a visit needs no session and, while the kit is unchanged,
 * one query.
 */
package org.lorkit.web.attending;
