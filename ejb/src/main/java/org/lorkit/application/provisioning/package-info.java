/** Creating agencies and inviting people, in LorKit and in Keycloak together. */
package org.lorkit.application.provisioning;
