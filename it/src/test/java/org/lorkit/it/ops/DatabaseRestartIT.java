package org.lorkit.it.ops;

import jakarta.annotation.Resource;
import jakarta.inject.Inject;
import org.junit.jupiter.api.Test;
import org.lorkit.application.dashboard.CompletionDashboard;
import org.lorkit.application.student.StudentView;
import org.lorkit.it.support.InsideLorKit;

import javax.sql.DataSource;
import java.io.File;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * PostgreSQL restarted while staff keep writing (PostgreSQL build only): writes during the restart fail cleanly,
 * the pool recovers by itself within seconds, and every write LorKit acknowledged is in the database afterwards.
 * The restart is a real one (pg_ctlcluster, as root on the build machine); where the server is not this
 * machine's, every LorKit connection is terminated instead, which is what the pool sees of a restart.
 */
class DatabaseRestartIT extends InsideLorKit {
    private static final int WRITERS = 4;

    @Inject
    CompletionDashboard dashboard;
    @Resource(lookup = "java:jboss/datasources/LorKitDS")
    DataSource dataSource;

    record Write(String text, long startedAt, long endedAt, boolean acknowledged) {
    }

    @Test
    void the_pool_recovers_from_a_postgresql_restart_and_no_acknowledged_write_is_lost() throws Exception {
        long agency = fixtures.agency().id();
        StudentView student = as.staff(agency, () -> fixtures.student(fixtures.cohort()));
        List<Write> writes = Collections.synchronizedList(new ArrayList<>());
        AtomicBoolean running = new AtomicBoolean(true);
        ExecutorService writers = Executors.newFixedThreadPool(WRITERS);
        for (int w = 0; w < WRITERS; w++) {
            int writer = w;
            writers.submit(() -> {
                for (int i = 0; running.get(); i++) {
                    String text = "writer " + writer + " note " + i;
                    long started = System.nanoTime();
                    boolean acknowledged;
                    try {
                        as.staff(agency, () -> dashboard.addNote(student.id(), text));
                        acknowledged = true;
                    } catch (RuntimeException refused) {
                        acknowledged = false; // what a person would see as an error page; they try again
                    }
                    writes.add(new Write(text, started, System.nanoTime(), acknowledged));
                    pause(25);
                }
            });
        }

        pause(2_000);
        long restartBegan = System.nanoTime();
        String how = restart();
        long restartEnded = System.nanoTime();
        pause(10_000);
        running.set(false);
        writers.shutdown();
        assertThat(writers.awaitTermination(60, TimeUnit.SECONDS)).isTrue();

        List<Write> all = List.copyOf(writes);
        Set<String> acknowledged = new HashSet<>();
        all.stream().filter(Write::acknowledged).forEach(write -> acknowledged.add(write.text()));
        long failed = all.stream().filter(write -> !write.acknowledged()).count();
        long firstAfter = all.stream().filter(write -> write.acknowledged() && write.startedAt() > restartEnded)
                .mapToLong(Write::endedAt).min().orElseThrow(() -> new AssertionError("no write succeeded after the restart (" + how + ")"));
        System.out.printf("DatabaseRestartIT: %s took %d ms; %d writes, %d acknowledged, %d refused; first acknowledged write %d ms after it%n",
                how, (restartEnded - restartBegan) / 1_000_000, all.size(), acknowledged.size(), failed, (firstAfter - restartEnded) / 1_000_000);

        assertThat(all.stream().filter(write -> write.acknowledged() && write.endedAt() < restartBegan)).as("writes before").isNotEmpty();
        assertThat((firstAfter - restartEnded) / 1_000_000).as("ms until the pool served again").isLessThan(5_000);
        assertThat(all.stream().filter(write -> !write.acknowledged() && write.startedAt() > restartEnded + 5_000_000_000L))
                .as("writes refused more than 5 s after the restart: the pool kept broken connections").isEmpty();
        Set<String> stored = notes(student.id());
        assertThat(stored).as("every acknowledged write is stored").containsAll(acknowledged);
        assertThat(all.stream().map(Write::text)).as("and only what was written (a refused write may have committed)").containsAll(stored);
    }

    /** Restarts this machine's PostgreSQL, or ends every LorKit connection to a server elsewhere. */
    private String restart() throws Exception {
        Path clusters = Path.of("/etc/postgresql");
        String url;
        try (Connection db = dataSource.getConnection()) {
            url = db.getMetaData().getURL();
        }
        boolean local = url.contains("//127.0.0.1") || url.contains("//localhost");
        if (local && new File("/usr/bin/pg_ctlcluster").canExecute() && Files.isDirectory(clusters)) {
            String version;
            try (Stream<Path> versions = Files.list(clusters)) {
                version = versions.map(path -> path.getFileName().toString()).sorted().reduce((a, b) -> b).orElseThrow();
            }
            Process restart = new ProcessBuilder("pg_ctlcluster", "--skip-systemctl-redirect", version, "main", "restart", "-m", "fast")
                    .redirectErrorStream(true).start();
            String output = new String(restart.getInputStream().readAllBytes());
            assertThat(restart.waitFor(60, TimeUnit.SECONDS)).isTrue();
            assertThat(restart.exitValue()).as(output).isZero();
            return "pg_ctlcluster restart of PostgreSQL " + version;
        }
        try (Connection db = dataSource.getConnection(); Statement terminate = db.createStatement()) {
            terminate.execute("SELECT pg_terminate_backend(pid) FROM pg_stat_activity WHERE datname = current_database() AND pid <> pg_backend_pid()");
        }
        return "termination of every connection";
    }

    private Set<String> notes(long student) throws Exception {
        Set<String> texts = new HashSet<>();
        try (Connection db = dataSource.getConnection(); Statement query = db.createStatement();
             ResultSet rows = query.executeQuery("SELECT text FROM student_note WHERE student_id = " + student)) {
            while (rows.next()) {
                texts.add(rows.getString(1));
            }
        }
        return texts;
    }

    private static void pause(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
