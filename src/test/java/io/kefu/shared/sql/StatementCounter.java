package io.kefu.shared.sql;

import java.lang.reflect.InvocationHandler;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.lang.reflect.Proxy;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.Statement;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import javax.sql.DataSource;
import org.springframework.beans.factory.config.BeanPostProcessor;
import org.springframework.context.ApplicationContextInitializer;
import org.springframework.context.ConfigurableApplicationContext;

/**
 * Counts what the tests' database is asked to do: every statement executed (a batch counts once per row it carries,
 * as the database runs each) and every commit, in total and by kind and table ("insert ACT_HI_DETAIL"). Every test
 * context's {@link DataSource} is wrapped by this initializer (registered in {@code META-INF/spring.factories}), so the
 * suite keeps sharing one context; counting is a few increments per statement. The tests run no job executor, so
 * while a test walks a case, what is counted is that case's work.
 */
public class StatementCounter implements ApplicationContextInitializer<ConfigurableApplicationContext> {

    private static final AtomicLong STATEMENTS = new AtomicLong();
    private static final AtomicLong COMMITS = new AtomicLong();
    private static final Map<String, AtomicLong> BY_TABLE = new ConcurrentHashMap<>();
    private static final Pattern WRITE = Pattern.compile(
            "^\\s*(insert|update|delete|merge)\\s+(?:into\\s+|from\\s+)?([A-Za-z_][A-Za-z_0-9]*)",
            Pattern.CASE_INSENSITIVE);
    private static final Pattern READ = Pattern.compile("\\bfrom\\s+([A-Za-z_][A-Za-z_0-9]*)",
            Pattern.CASE_INSENSITIVE);

    /** What was counted between two readings. */
    public record Counts(long statements, long commits, Map<String, Long> byTable) {

        public Counts minus(Counts before) {
            Map<String, Long> tables = new TreeMap<>();
            byTable.forEach((table, n) -> {
                long d = n - before.byTable.getOrDefault(table, 0L);
                if (d != 0) {
                    tables.put(table, d);
                }
            });
            return new Counts(statements - before.statements, commits - before.commits, tables);
        }
    }

    public static Counts now() {
        Map<String, Long> tables = new TreeMap<>();
        BY_TABLE.forEach((table, n) -> tables.put(table, n.get()));
        return new Counts(STATEMENTS.get(), COMMITS.get(), tables);
    }

    @Override
    public void initialize(ConfigurableApplicationContext context) {
        context.getBeanFactory().addBeanPostProcessor(new BeanPostProcessor() {
            @Override
            public Object postProcessAfterInitialization(Object bean, String beanName) {
                return bean instanceof DataSource dataSource && !Proxy.isProxyClass(bean.getClass())
                        ? counting(dataSource) : bean;
            }
        });
    }

    static DataSource counting(DataSource target) {
        return proxy(DataSource.class, target, (method, args, result) -> result instanceof Connection c
                ? proxy(Connection.class, c, StatementCounter::onConnection) : result);
    }

    private static Object onConnection(Method method, Object[] args, Object result) {
        switch (method.getName()) {
            case "commit" -> COMMITS.incrementAndGet();
            case "prepareStatement", "prepareCall" -> {
                String sql = (String) args[0];
                return proxy(PreparedStatement.class, (PreparedStatement) result,
                        (m, a, r) -> onStatement(m, a, r, sql));
            }
            case "createStatement" -> {
                return proxy(Statement.class, (Statement) result, (m, a, r) -> onStatement(m, a, r, null));
            }
            default -> {
            }
        }
        return result;
    }

    private static Object onStatement(Method method, Object[] args, Object result, String prepared) {
        String name = method.getName();
        if (name.equals("executeBatch") && result instanceof int[] rows) {
            count(prepared, Math.max(rows.length, 1));
        } else if (name.startsWith("execute") && !name.equals("executeBatch")) {
            count(args != null && args.length > 0 && args[0] instanceof String sql ? sql : prepared, 1);
        }
        return result;
    }

    private static void count(String sql, int n) {
        String trace = System.getProperty("kefu.sql.trace");
        if (trace != null && sql != null && List.of(trace.split(",")).contains(kind(sql))) {
            StringBuilder where = new StringBuilder(sql.replaceAll("\\s+", " ")).append('\n');
            for (StackTraceElement e : Thread.currentThread().getStackTrace()) {
                if (e.getClassName().startsWith("io.kefu") && !e.getClassName().contains("StatementCounter")
                        || e.getClassName().contains("camunda.bpm.engine.impl.cmd")) {
                    where.append("    at ").append(e).append('\n');
                }
            }
            System.out.println("SQLTRACE " + where);
        }
        STATEMENTS.addAndGet(n);
        BY_TABLE.computeIfAbsent(kind(sql), k -> new AtomicLong()).addAndGet(n);
    }

    static String kind(String sql) {
        if (sql == null) {
            return "?";
        }
        Matcher write = WRITE.matcher(sql);
        if (write.find()) {
            return write.group(1).toLowerCase(Locale.ROOT) + " " + write.group(2).toUpperCase(Locale.ROOT);
        }
        Matcher read = READ.matcher(sql);
        return read.find() ? "select " + read.group(1).toUpperCase(Locale.ROOT)
                : sql.strip().split("\\s+")[0].toLowerCase(Locale.ROOT);
    }

    @FunctionalInterface
    private interface After {
        Object apply(Method method, Object[] args, Object result) throws Exception;
    }

    @SuppressWarnings("unchecked")
    private static <T> T proxy(Class<T> type, T target, After after) {
        InvocationHandler handler = (p, method, args) -> {
            Object result;
            try {
                result = method.invoke(target, args);
            } catch (InvocationTargetException e) {
                throw e.getCause();
            }
            return after.apply(method, args, result);
        };
        return (T) Proxy.newProxyInstance(StatementCounter.class.getClassLoader(), new Class<?>[] {type}, handler);
    }
}
