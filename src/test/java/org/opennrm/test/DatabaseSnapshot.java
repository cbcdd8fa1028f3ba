package org.opennrm.test;

import java.sql.Connection;
import java.sql.DatabaseMetaData;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;

import javax.sql.DataSource;

/**
 * The row count of every table of ours ({@code nrm_*}) and of the engine's runtime and history ({@code ACT_RU_*},
 * {@code ACT_HI_*}), found through the JDBC metadata of the current schema, so it sees tables added later and works
 * on H2 (upper-case names) and PostgreSQL (lower-case names) alike. Two snapshots that are equal mean that nothing
 * was written, or everything written was rolled back.
 */
public record DatabaseSnapshot(Map<String, Long> rowCounts) {

	private static final List<String> PREFIXES = List.of("nrm_", "act_ru_", "act_hi_");

	public static DatabaseSnapshot of(DataSource dataSource) {
		try (Connection connection = dataSource.getConnection()) {
			Map<String, Long> counts = new TreeMap<>();
			for (String table : tables(connection)) {
				counts.put(table.toLowerCase(Locale.ROOT), count(connection, table));
			}
			if (counts.keySet().stream().noneMatch(name -> name.startsWith("nrm_"))
					|| counts.keySet().stream().noneMatch(name -> name.startsWith("act_ru_"))) {
				throw new IllegalStateException("Found neither our tables nor the engine's: " + counts.keySet());
			}
			return new DatabaseSnapshot(counts);
		}
		catch (SQLException ex) {
			throw new IllegalStateException("Could not count rows", ex);
		}
	}

	/** The tables whose row count differs from the earlier snapshot, with both counts. */
	public Map<String, String> changesSince(DatabaseSnapshot earlier) {
		Map<String, String> changes = new TreeMap<>();
		this.rowCounts.forEach((table, count) -> {
			Long before = earlier.rowCounts.get(table);
			if (!count.equals(before)) {
				changes.put(table, before + " -> " + count);
			}
		});
		earlier.rowCounts.keySet()
			.stream()
			.filter(table -> !this.rowCounts.containsKey(table))
			.forEach(table -> changes.put(table, "dropped"));
		return changes;
	}

	private static List<String> tables(Connection connection) throws SQLException {
		List<String> tables = new ArrayList<>();
		DatabaseMetaData metadata = connection.getMetaData();
		try (ResultSet result = metadata.getTables(connection.getCatalog(), connection.getSchema(), "%",
				new String[] { "TABLE" })) {
			while (result.next()) {
				String name = result.getString("TABLE_NAME");
				String lower = name.toLowerCase(Locale.ROOT);
				if (PREFIXES.stream().anyMatch(lower::startsWith)) {
					tables.add(name);
				}
			}
		}
		return tables;
	}

	private static long count(Connection connection, String table) throws SQLException {
		String quote = connection.getMetaData().getIdentifierQuoteString().trim();
		try (Statement statement = connection.createStatement();
				ResultSet result = statement.executeQuery("select count(*) from " + quote + table + quote)) {
			result.next();
			return result.getLong(1);
		}
	}
}
