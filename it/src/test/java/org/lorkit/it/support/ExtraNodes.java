package org.lorkit.it.support;

import org.jboss.arquillian.container.test.api.ContainerController;

import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.Statement;
import java.util.Comparator;
import java.util.List;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;

/** The WildFly nodes some tests start besides the main one (crash, cluster): their directories, their death. */
public final class ExtraNodes {
    private ExtraNodes() {
    }

    /** A node runs from its own copy of the provisioned configuration (data, logs, deployments apart), made fresh. */
    public static void freshBaseDirectory(Path base) throws Exception {
        if (Files.exists(base)) {
            try (Stream<Path> files = Files.walk(base)) {
                files.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
            }
        }
        Path configuration = Path.of(System.getProperty("jboss.home"), "standalone", "configuration");
        try (Stream<Path> files = Files.walk(configuration)) {
            for (Path source : files.toList()) {
                Path target = base.resolve("configuration").resolve(configuration.relativize(source).toString());
                if (Files.isDirectory(source)) {
                    Files.createDirectories(target);
                } else if (source.getParent().equals(configuration) && source.toString().endsWith(".xml")) {
                    // without the deployments the main server holds right now: their content is in its data directory
                    Files.writeString(target, Files.readString(source).replaceAll("(?s)\\s*<deployments>.*?</deployments>", ""));
                } else {
                    Files.copy(source, target);
                }
            }
        }
        Files.createDirectories(base.resolve("deployments"));
    }

    /** An empty PostgreSQL database of this name (dropped first, with its connections), on the tests' server. */
    public static void freshDatabase(String name) throws Exception {
        try (Connection db = DriverManager.getConnection(System.getProperty("lorkit.it.cluster.admin-url"),
                System.getProperty("lorkit.it.cluster.user"), System.getProperty("lorkit.it.cluster.password"));
             Statement sql = db.createStatement()) {
            sql.execute("DROP DATABASE IF EXISTS " + name + " WITH (FORCE)");
            sql.execute("CREATE DATABASE " + name);
        }
    }

    /**
     * SIGKILL to the node started with this port offset: no shutdown hook, no graceful undeploy or cluster leave,
     * exactly what a crashed machine does.
     */
    public static void kill(ContainerController controller, String qualifier, int portOffset) throws Exception {
        String offset = "jboss.socket.binding.port-offset=" + portOffset;
        List<ProcessHandle> node = ProcessHandle.allProcesses()
                .filter(p -> p.info().commandLine().orElse("").contains(offset))
                .toList();
        assertThat(node).as(qualifier + "'s process").hasSize(1);
        node.get(0).destroyForcibly();
        node.get(0).onExit().get();
        try {
            controller.kill(qualifier);
        } catch (RuntimeException ignored) {
            // Arquillian may notice on its own that the process is gone
        }
    }
}
