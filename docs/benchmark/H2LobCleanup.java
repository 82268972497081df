import java.lang.reflect.Field;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.Statement;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;

/**
 * What H2's large-object cleanup costs Kefu, without Kefu: four threads rewrite 2 KB BLOBs, as the engine rewrites a
 * task's case card in ACT_GE_BYTEARRAY.BYTES_ (a BLOB in Camunda's H2 schema). Each such BLOB over H2's in-place
 * limit (256 bytes by default) lives in H2's LOB storage; each rewrite leaves one to remove, and every commit then
 * offers H2's single cleaner thread a task through a hand-off queue: while the cleaner is busy, the offer is refused
 * with a RejectedExecutionException, built with its stack trace, and dropped. Counted here by wrapping the
 * executor's refusal handler (it still refuses). Not a timed benchmark.
 *
 *   java -cp ~/.m2/repository/com/h2database/h2/2.3.232/h2-2.3.232.jar docs/benchmark/H2LobCleanup.java ";OPTIONS"
 *
 * Kefu's H2 URL (application.yaml) keeps BLOBs and CLOBs up to 64 KB in the row: ";MAX_LENGTH_INPLACE_LOB=65536".
 */
public class H2LobCleanup {

    public static void main(String[] args) throws Exception {
        String options = args.length > 0 ? args[0] : "";
        Path dir = Files.createTempDirectory("h2-lob");
        String url = "jdbc:h2:file:" + dir.resolve("db") + options;
        AtomicLong refused = new AtomicLong();
        try (Connection setup = DriverManager.getConnection(url, "sa", "")) {
            try (Statement s = setup.createStatement()) {
                s.execute("create table bytearray (id int primary key, bytes blob)");
                s.execute("insert into bytearray select x, null from system_range(1, 100)");
            }
            countRefusals(setup, refused);
            ExecutorService threads = Executors.newFixedThreadPool(4);
            byte[] card = new byte[2048];
            for (int t = 0; t < 4; t++) {
                int thread = t;
                threads.submit(() -> {
                    try (Connection c = DriverManager.getConnection(url, "sa", "");
                         PreparedStatement update = c.prepareStatement("update bytearray set bytes = ? where id = ?")) {
                        for (int i = 0; i < 5000; i++) {
                            update.setBytes(1, card);
                            update.setInt(2, 1 + (thread * 25 + i % 25));
                            update.executeUpdate();
                        }
                    }
                    return null;
                });
            }
            threads.shutdown();
            threads.awaitTermination(10, TimeUnit.MINUTES);
            System.out.printf("URL options '%s': 20000 BLOB rewrites, %d cleanup offers refused (%s)%n", options,
                    refused.get(), refused.get() == 0 ? "no exception built" : "one exception built for each");
        }
    }

    /** The refusals of H2's LOB cleaner (LobStorageMap.cleanupExecutor), counted; each still refused. */
    private static void countRefusals(Connection connection, AtomicLong refused) throws Exception {
        Object session = field(connection, "session");
        Object database = session.getClass().getMethod("getDatabase").invoke(session);
        Object lobStorage = database.getClass().getMethod("getLobStorage").invoke(database);
        ThreadPoolExecutor cleaner = (ThreadPoolExecutor) field(lobStorage, "cleanupExecutor");
        cleaner.setRejectedExecutionHandler((task, executor) -> {
            refused.incrementAndGet();
            throw new RejectedExecutionException("refused (counted)");
        });
    }

    private static Object field(Object target, String name) throws Exception {
        for (Class<?> type = target.getClass(); type != null; type = type.getSuperclass()) {
            try {
                Field field = type.getDeclaredField(name);
                field.setAccessible(true);
                return field.get(target);
            } catch (NoSuchFieldException notHere) {
                // look in the superclass
            }
        }
        throw new NoSuchFieldException(name);
    }
}
