/** What an attending does through a link, without an account: see the kit, answer, ask for a fresh link. */
package org.lorkit.application.link;
