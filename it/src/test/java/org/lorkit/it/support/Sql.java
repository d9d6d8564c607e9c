package org.lorkit.it.support;

import javax.sql.DataSource;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;

/** Reads a test's expectations straight from the database (in the server), one row, its parameters bound in order. */
public final class Sql {
    private Sql() {
    }

    /** The first column of the first row as a number (a COUNT, an id). */
    public static long number(DataSource dataSource, String sql, Object... parameters) {
        return numbers(dataSource, sql, parameters)[0];
    }

    /** The columns of the first row as numbers. */
    public static long[] numbers(DataSource dataSource, String sql, Object... parameters) {
        return query(dataSource, sql, parameters, rows -> {
            long[] values = new long[rows.getMetaData().getColumnCount()];
            for (int i = 0; i < values.length; i++) {
                values[i] = rows.getLong(i + 1);
            }
            return values;
        });
    }

    /** The columns of the first row as text, joined by " after " (a status and its attempts: "SENT after 1"). */
    public static String text(DataSource dataSource, String sql, Object... parameters) {
        return query(dataSource, sql, parameters, rows -> {
            StringBuilder text = new StringBuilder(String.valueOf(rows.getObject(1)));
            for (int i = 2; i <= rows.getMetaData().getColumnCount(); i++) {
                text.append(" after ").append(rows.getObject(i));
            }
            return text.toString();
        });
    }

    private interface Row<T> {
        T read(ResultSet rows) throws SQLException;
    }

    private static <T> T query(DataSource dataSource, String sql, Object[] parameters, Row<T> row) {
        try (Connection c = dataSource.getConnection(); PreparedStatement s = c.prepareStatement(sql)) {
            for (int i = 0; i < parameters.length; i++) {
                s.setObject(i + 1, parameters[i]);
            }
            try (ResultSet rows = s.executeQuery()) {
                if (!rows.next()) {
                    throw new AssertionError("No row for " + sql);
                }
                return row.read(rows);
            }
        } catch (SQLException e) {
            throw new IllegalStateException(sql + ": " + e.getMessage(), e);
        }
    }
}
