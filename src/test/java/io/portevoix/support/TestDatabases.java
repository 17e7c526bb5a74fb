package io.portevoix.support;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.UUID;

/**
 * Fresh, empty PostgreSQL databases for tests that need one (first-run provisioning, demo data,
 * browser journeys), created through the local server's administrator (trust authentication,
 * as on the development and CI machines).
 */
public final class TestDatabases {

    public static final String HOST = System.getenv().getOrDefault("PGHOST", "127.0.0.1");
    public static final String ADMIN = System.getenv().getOrDefault("PGADMIN", "postgres");

    private TestDatabases() {
    }

    public static String jdbcUrl(String database) {
        return "jdbc:postgresql://" + HOST + ":5432/" + database;
    }

    /** Creates an empty database owned by {@code owner} and returns its name. */
    public static String create(String prefix, String owner) {
        String name = prefix + "_" + UUID.randomUUID().toString().replace("-", "").substring(0, 12);
        execute("postgres", "create database " + name + " owner " + owner);
        execute(name, "revoke all on schema public from public");
        execute(name, "grant connect on database " + name + " to portevoix_app");
        return name;
    }

    public static void drop(String name) {
        execute("postgres", "drop database if exists " + name + " with (force)");
    }

    public static void execute(String database, String sql) {
        try (Connection connection = DriverManager.getConnection(jdbcUrl(database), ADMIN, "");
                Statement statement = connection.createStatement()) {
            statement.execute(sql);
        } catch (SQLException e) {
            throw new IllegalStateException("Cannot run on " + database + ": " + sql, e);
        }
    }
}
