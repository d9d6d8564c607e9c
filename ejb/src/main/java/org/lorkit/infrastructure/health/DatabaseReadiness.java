package org.lorkit.infrastructure.health;

import jakarta.annotation.Resource;
import jakarta.enterprise.context.ApplicationScoped;
import org.eclipse.microprofile.health.HealthCheck;
import org.eclipse.microprofile.health.HealthCheckResponse;
import org.eclipse.microprofile.health.HealthCheckResponseBuilder;
import org.eclipse.microprofile.health.Readiness;

import javax.sql.DataSource;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;

/** Readiness "lorkit-database": a query through LorKitDS answers within {@value #TIMEOUT_SECONDS} s. */
@ApplicationScoped
@Readiness
public class DatabaseReadiness implements HealthCheck {
    static final String NAME = "lorkit-database";
    static final int TIMEOUT_SECONDS = 2;

    @Resource(lookup = "java:jboss/datasources/LorKitDS")
    DataSource dataSource;

    @Override
    public HealthCheckResponse call() {
        HealthCheckResponseBuilder response = HealthCheckResponse.named(NAME).withData("datasource", "LorKitDS");
        try (Connection connection = dataSource.getConnection(); Statement query = connection.createStatement()) {
            query.setQueryTimeout(TIMEOUT_SECONDS);
            query.execute("SELECT 1");
            return response.withData("database", connection.getMetaData().getDatabaseProductName()).up().build();
        } catch (SQLException | RuntimeException e) {
            // The driver's message names the database's address at most, never its password.
            return response.withData("error", String.valueOf(e.getMessage())).down().build();
        }
    }
}
