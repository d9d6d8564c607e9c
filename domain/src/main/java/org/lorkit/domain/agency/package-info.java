/** The agency: the tenant that places rotators, with its sender identity and its letter policy. */
package org.lorkit.domain.agency;
