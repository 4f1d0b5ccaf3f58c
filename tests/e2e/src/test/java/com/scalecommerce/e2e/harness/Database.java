package com.scalecommerce.e2e.harness;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * One PostgreSQL database over plain JDBC. The services own their databases; tests only read them, to check
 * what no API shows (a payment without an order, two payments for one order).
 */
public final class Database {

    private final String host;
    private final int port;
    private final String name;
    private final String user;
    private final String password;

    Database(String host, int port, String name, String user, String password) {
        this.host = host;
        this.port = port;
        this.name = name;
        this.user = user;
        this.password = password;
    }

    public String name() {
        return name;
    }

    String host() {
        return host;
    }

    int port() {
        return port;
    }

    String user() {
        return user;
    }

    String password() {
        return password;
    }

    /** Each row as column label -> value, in column order. */
    public List<Map<String, Object>> rows(String sql, Object... parameters) {
        try (Connection connection = connect();
                PreparedStatement statement = prepare(connection, sql, parameters);
                ResultSet result = statement.executeQuery()) {
            var rows = new ArrayList<Map<String, Object>>();
            int columns = result.getMetaData().getColumnCount();
            while (result.next()) {
                var row = new LinkedHashMap<String, Object>();
                for (int i = 1; i <= columns; i++) {
                    row.put(result.getMetaData().getColumnLabel(i), result.getObject(i));
                }
                rows.add(row);
            }
            return rows;
        } catch (SQLException e) {
            throw new IllegalStateException(name + ": " + sql, e);
        }
    }

    /** The single number a {@code select count(*) ...} answers. */
    public long count(String sql, Object... parameters) {
        try (Connection connection = connect();
                PreparedStatement statement = prepare(connection, sql, parameters);
                ResultSet result = statement.executeQuery()) {
            if (!result.next()) {
                throw new IllegalStateException("no row from " + sql);
            }
            return result.getLong(1);
        } catch (SQLException e) {
            throw new IllegalStateException(name + ": " + sql, e);
        }
    }

    /** Drops and recreates {@code databases} through the maintenance database, ending their open sessions. */
    void recreate(List<String> databases) {
        try (Connection connection = DriverManager.getConnection(url("postgres"), user, password);
                var statement = connection.createStatement()) {
            for (String database : databases) {
                // Names are the harness's own constants, never input: plain concatenation is safe here.
                statement.execute("drop database if exists \"" + database + "\" with (force)");
                statement.execute("create database \"" + database + "\"");
            }
        } catch (SQLException e) {
            throw new IllegalStateException(
                    "could not recreate " + databases + " on " + host + ":" + port + " as " + user
                            + " (is PostgreSQL running? set DB_HOST, DB_PORT, DB_USER, DB_PASSWORD)",
                    e);
        }
    }

    Database named(String other) {
        return new Database(host, port, other, user, password);
    }

    private Connection connect() throws SQLException {
        return DriverManager.getConnection(url(name), user, password);
    }

    private String url(String database) {
        return "jdbc:postgresql://" + host + ":" + port + "/" + database;
    }

    private static PreparedStatement prepare(Connection connection, String sql, Object... parameters)
            throws SQLException {
        PreparedStatement statement = connection.prepareStatement(sql);
        for (int i = 0; i < parameters.length; i++) {
            statement.setObject(i + 1, parameters[i]);
        }
        return statement;
    }
}
