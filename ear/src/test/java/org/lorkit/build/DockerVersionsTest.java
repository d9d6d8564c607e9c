package org.lorkit.build;

import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

import static org.assertj.core.api.Assertions.assertThat;

/** The Docker files name the same WildFly, Keycloak and PostgreSQL versions as the Maven build. */
class DockerVersionsTest {
    private static final Path DOCKER = Path.of(System.getProperty("lorkit.project.root", ".."), "docker");

    private static String property(String name) {
        String value = System.getProperty(name);
        assertThat(value).as("system property %s from the pom", name).isNotBlank();
        return value;
    }

    @Test
    void the_dockerfile_builds_on_the_wildfly_of_the_pom() throws IOException {
        String dockerfile = Files.readString(DOCKER.resolve("Dockerfile"));
        String wildfly = property("wildfly.version");

        assertThat(dockerfile).contains("FROM quay.io/wildfly/wildfly:" + wildfly + "-jdk17");
        assertThat(dockerfile).contains("ear/target/wildfly-" + wildfly);
    }

    @Test
    void the_compose_file_runs_the_keycloak_and_postgresql_of_the_pom() throws IOException {
        String compose = Files.readString(DOCKER.resolve("compose.yaml"));

        assertThat(compose).contains("image: quay.io/keycloak/keycloak:" + property("keycloak.version"));
        assertThat(compose).contains("image: postgres:" + property("postgresql.server.version"));
    }
}
