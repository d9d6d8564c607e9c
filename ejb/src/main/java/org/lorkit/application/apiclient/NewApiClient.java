package org.lorkit.application.apiclient;

import java.io.Serializable;

/**
 * A client just made, with the one time its secret is ever shown: LorKit does not keep it, and Keycloak only shows it to
 * its own administrators.
 */
public record NewApiClient(ApiClientView client, String secret, String tokenUrl) implements Serializable {
}
