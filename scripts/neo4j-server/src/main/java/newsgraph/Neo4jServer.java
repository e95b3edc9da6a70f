package newsgraph;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.Comparator;
import java.util.HashMap;
import java.util.Map;
import java.util.concurrent.CountDownLatch;

import org.neo4j.configuration.GraphDatabaseSettings;
import org.neo4j.configuration.connectors.BoltConnector;
import org.neo4j.configuration.connectors.ConnectorPortRegister;
import org.neo4j.configuration.connectors.ConnectorType;
import org.neo4j.configuration.helpers.SocketAddress;
import org.neo4j.dbms.api.DatabaseManagementService;
import org.neo4j.dbms.api.DatabaseManagementServiceBuilder;
import org.neo4j.kernel.internal.GraphDatabaseAPI;

/**
 * Neo4j Community 5.26 run embedded, reachable only over Bolt on loopback,
 * for newsgraph's tests and local development (see start.sh / stop.sh).
 *
 * Usage: Neo4jServer --data DIR [--port N] [--password PW] [--port-file FILE]
 *                    [--watch-pid PID] [--temporary true] [--pagecache MiB]
 *
 * Port 0 (the default) lets the OS pick a free port; the port actually bound
 * is written to --port-file once Bolt accepts connections. Authentication is
 * on: on a new data folder user `neo4j` gets the given password (no forced
 * change), so clients can be refused for a wrong one; a data folder that
 * already has its password keeps it (a restart must not reset it). `LOAD CSV`
 * may not read the server's files (file:// URLs are refused). SIGTERM shuts the databases down cleanly.
 * With --watch-pid the server also shuts down when that process is gone (a
 * test runner killed before its teardown leaves no Java process behind);
 * with --temporary the data folder is deleted after shutdown.
 */
public final class Neo4jServer {
    private Neo4jServer() {}

    public static void main(String[] args) {
        try {
            run(parse(args));
        } catch (Throwable error) {
            // Neo4j's own threads are not daemons: without an explicit exit a
            // failed start would leave a JVM that never answers.
            error.printStackTrace();
            System.exit(1);
        }
    }

    private static void run(Map<String, String> options) throws Exception {
        Path data = Path.of(require(options, "data")).toAbsolutePath();
        int port = Integer.parseInt(options.getOrDefault("port", "0"));
        String password = options.getOrDefault("password", "newsgraph-test");
        String portFile = options.get("port-file");
        boolean temporary = Boolean.parseBoolean(options.getOrDefault("temporary", "false"));
        long pagecacheMiB = Long.parseLong(options.getOrDefault("pagecache", "128"));

        Files.createDirectories(data);
        DatabaseManagementService service = new DatabaseManagementServiceBuilder(data)
                .setConfig(BoltConnector.enabled, true)
                .setConfig(BoltConnector.listen_address, new SocketAddress("127.0.0.1", port))
                .setConfig(BoltConnector.encryption_level, BoltConnector.EncryptionLevel.DISABLED)
                .setConfig(GraphDatabaseSettings.auth_enabled, true)
                // Tests try wrong passwords on purpose; never lock the user out for it.
                .setConfig(GraphDatabaseSettings.auth_max_failed_attempts, 0)
                .setConfig(GraphDatabaseSettings.pagecache_memory, pagecacheMiB * 1024 * 1024)
                // A Cypher user must not read the server's own files (LOAD CSV FROM 'file:///etc/passwd').
                .setConfig(GraphDatabaseSettings.allow_file_urls, false)
                .setConfig(GraphDatabaseSettings.udc_enabled, false)
                .build();

        CountDownLatch stopped = new CountDownLatch(1);
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            service.shutdown();
            if (temporary) deleteTree(data);
            stopped.countDown();
        }, "neo4j-shutdown"));

        String watched = options.get("watch-pid");
        if (watched != null) watch(Long.parseLong(watched));

        // The built-in user starts with password `neo4j` and a forced change;
        // give it the known password, once: a data folder started before keeps
        // the password it has (setting the same one again is an error).
        var system = service.database(GraphDatabaseSettings.SYSTEM_DATABASE_NAME);
        boolean fresh = system.executeTransactionally(
                "SHOW USERS YIELD user, passwordChangeRequired WHERE user = 'neo4j' RETURN passwordChangeRequired",
                Map.of(), result -> result.hasNext() && Boolean.TRUE.equals(result.next().get("passwordChangeRequired")));
        if (fresh) {
            system.executeTransactionally(
                    "ALTER USER neo4j SET PASSWORD $password CHANGE NOT REQUIRED", Map.of("password", password));
        }

        GraphDatabaseAPI db = (GraphDatabaseAPI) service.database(GraphDatabaseSettings.DEFAULT_DATABASE_NAME);
        int bound = db.getDependencyResolver().resolveDependency(ConnectorPortRegister.class)
                .getLocalAddress(ConnectorType.BOLT).getPort();
        if (portFile != null) writeAtomically(Path.of(portFile), bound + "\n");
        System.out.println("bolt://127.0.0.1:" + bound);
        System.out.flush();
        stopped.await();
    }

    /** Exit (cleanly, through the shutdown hook) once process `pid` has ended. */
    private static void watch(long pid) {
        Thread watcher = new Thread(() -> {
            while (ProcessHandle.of(pid).map(ProcessHandle::isAlive).orElse(false)) {
                try {
                    Thread.sleep(1000);
                } catch (InterruptedException e) {
                    return;
                }
            }
            System.out.println("watched process " + pid + " is gone; shutting down");
            System.exit(0);
        }, "newsgraph-watch-pid");
        watcher.setDaemon(true);
        watcher.start();
    }

    private static void deleteTree(Path root) {
        try (var paths = Files.walk(root)) {
            paths.sorted(Comparator.reverseOrder()).forEach(path -> path.toFile().delete());
        } catch (IOException e) {
            System.err.println("could not delete " + root + ": " + e);
        }
    }

    private static void writeAtomically(Path file, String text) throws IOException {
        Path tmp = file.resolveSibling(file.getFileName() + ".tmp");
        Files.writeString(tmp, text, StandardCharsets.UTF_8);
        Files.move(tmp, file, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
    }

    private static Map<String, String> parse(String[] args) {
        Map<String, String> options = new HashMap<>();
        for (int i = 0; i < args.length; i++) {
            if (!args[i].startsWith("--") || i + 1 >= args.length) {
                throw new IllegalArgumentException("usage: Neo4jServer --data DIR [--port N] [--password PW] [--port-file FILE]");
            }
            options.put(args[i].substring(2), args[++i]);
        }
        return options;
    }

    private static String require(Map<String, String> options, String name) {
        String value = options.get(name);
        if (value == null) throw new IllegalArgumentException("missing --" + name);
        return value;
    }
}
