package io.crmbridge.testsupport;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import javax.sql.DataSource;

/**
 * The tests' SQL against the application's database: a statement with positional parameters ({@code ?}, bound with
 * {@link PreparedStatement#setObject}), its rows as column label to value, in the order the statement gives.
 * {@link SQLException}s become {@link IllegalStateException}s naming the statement.
 */
public final class TestDb {

    private TestDb() {
    }

    /** Every row of a query. */
    public static List<Map<String, Object>> query(DataSource ds, String sql, Object... params) {
        try (Connection c = ds.getConnection(); PreparedStatement ps = prepare(c, sql, params)) {
            List<Map<String, Object>> rows = new ArrayList<>();
            try (ResultSet rs = ps.executeQuery()) {
                int columns = rs.getMetaData().getColumnCount();
                while (rs.next()) {
                    Map<String, Object> row = new LinkedHashMap<>();
                    for (int i = 1; i <= columns; i++) {
                        row.put(rs.getMetaData().getColumnLabel(i), rs.getObject(i));
                    }
                    rows.add(row);
                }
            }
            return rows;
        } catch (SQLException e) {
            throw new IllegalStateException(sql, e);
        }
    }

    /** The first column of the first row, or null when there is no row. */
    public static Object scalar(DataSource ds, String sql, Object... params) {
        try (Connection c = ds.getConnection(); PreparedStatement ps = prepare(c, sql, params);
                ResultSet rs = ps.executeQuery()) {
            return rs.next() ? rs.getObject(1) : null;
        } catch (SQLException e) {
            throw new IllegalStateException(sql, e);
        }
    }

    /** A {@code count(*)} (or any whole number in the first column of the first row; 0 when there is no row). */
    public static int count(DataSource ds, String sql, Object... params) {
        Object value = scalar(ds, sql, params);
        return value == null ? 0 : ((Number) value).intValue();
    }

    /** A two-column query (key, whole number) as a map. */
    public static Map<String, Integer> counts(DataSource ds, String sql, Object... params) {
        Map<String, Integer> counts = new LinkedHashMap<>();
        for (Map<String, Object> row : query(ds, sql, params)) {
            var values = row.values().iterator();
            counts.put(String.valueOf(values.next()), ((Number) values.next()).intValue());
        }
        return counts;
    }

    /** An insert, update or delete; the number of rows it changed. */
    public static int update(DataSource ds, String sql, Object... params) {
        try (Connection c = ds.getConnection(); PreparedStatement ps = prepare(c, sql, params)) {
            return ps.executeUpdate();
        } catch (SQLException e) {
            throw new IllegalStateException(sql, e);
        }
    }

    private static PreparedStatement prepare(Connection c, String sql, Object... params) throws SQLException {
        PreparedStatement ps = c.prepareStatement(sql);
        for (int i = 0; i < params.length; i++) {
            ps.setObject(i + 1, params[i]);
        }
        return ps;
    }
}
