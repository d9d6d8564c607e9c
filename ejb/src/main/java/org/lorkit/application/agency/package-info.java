/** Creating and reading agencies (tenants). */
package org.lorkit.application.agency;
