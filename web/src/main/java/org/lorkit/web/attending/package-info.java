/** The attending's pages, reached by link without an account: the kit, the answers, and a fresh link. */
package org.lorkit.web.attending;
