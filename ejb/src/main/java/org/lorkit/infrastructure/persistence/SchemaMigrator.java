package org.lorkit.infrastructure.persistence;

import jakarta.annotation.PostConstruct;
import jakarta.annotation.Resource;
import jakarta.ejb.DependsOn;
import jakarta.ejb.Singleton;
import jakarta.ejb.Startup;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import jakarta.ejb.TransactionManagement;
import jakarta.ejb.TransactionManagementType;
import org.flywaydb.core.Flyway;
import org.flywaydb.core.api.output.MigrateResult;
import org.lorkit.settings.Settings;

import javax.sql.DataSource;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.Locale;
import java.util.Map;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * Brings the schema up to date with Flyway when the application deploys, before anything else
 * touches the database. The same migrations run on H2 and PostgreSQL; the few type names that
 * differ are placeholders. Nothing touches the database before the secrets are known to be fit for the
 * address LorKit runs on.
 */
@Singleton
@Startup
@DependsOn("ProductionSecretsGuard")
@TransactionManagement(TransactionManagementType.BEAN)
@TransactionAttribute(TransactionAttributeType.NOT_SUPPORTED)
public class SchemaMigrator {
    private static final Logger LOG = Logger.getLogger(SchemaMigrator.class.getName());
    /** Test databases only: drop everything first so every run starts from the migrations. */
    static final String CLEAN_ON_START = Settings.DB_CLEAN_ON_START.property();

    @Resource(lookup = "java:jboss/datasources/LorKitDS")
    private DataSource dataSource;

    private String databaseProduct;

    @PostConstruct
    void migrate() {
        databaseProduct = productName();
        boolean clean = Settings.flag(Settings.DB_CLEAN_ON_START);
        Flyway flyway = Flyway.configure(SchemaMigrator.class.getClassLoader())
                .dataSource(dataSource)
                .locations("classpath:db/migration")
                .placeholders(placeholders(databaseProduct))
                .cleanDisabled(!clean)
                .load();
        if (clean) {
            LOG.warning("Cleaning the database before migrating (" + CLEAN_ON_START + "=true)");
            flyway.clean();
        }
        MigrateResult result = flyway.migrate();
        LOG.log(Level.INFO, "Schema of {0} at version {1} ({2} migrations applied)",
                new Object[]{databaseProduct, result.targetSchemaVersion, result.migrationsExecuted});
    }

    private String productName() {
        try (Connection connection = dataSource.getConnection()) {
            return connection.getMetaData().getDatabaseProductName();
        } catch (SQLException e) {
            throw new IllegalStateException("Cannot reach the LorKit database", e);
        }
    }

    /** Flyway's placeholders for the database product (also used by the benchmark data generator). */
    public static Map<String, String> placeholders(String product) {
        boolean postgres = product.toLowerCase(Locale.ROOT).contains("postgres");
        return Map.of("blob_type", postgres ? "BYTEA" : "BLOB");
    }

    public String databaseProduct() {
        return databaseProduct;
    }
}
