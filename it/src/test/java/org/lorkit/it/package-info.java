/** Integration tests: the real EAR on the provisioned WildFly, driven through its services and pages. */
package org.lorkit.it;
