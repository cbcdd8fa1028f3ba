package org.opennrm.test;

import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.DatabaseMetaData;
import java.sql.ResultSet;
import java.sql.ResultSetMetaData;
import java.sql.SQLException;
import java.sql.Statement;
import java.sql.Types;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.TreeMap;

import javax.sql.DataSource;

/**
 * Reads a database raw, the way someone with a dump of it would, and says where given strings (sentinels) occur in
 * plain text: every row of every table whose name starts with a prefix (found through JDBC metadata,
 * case-insensitively, so it works on H2 and PostgreSQL alike), every column. Text columns are searched as they are;
 * binary columns (engine byte arrays, sealed case file content) are decoded as UTF-8, ISO-8859-1 and UTF-16 (both
 * byte orders, both alignments) first. The search ignores case. It cannot see through compression, Base64 or
 * encryption: that is the point for the last one.
 */
public final class PlaintextScan {

	private static final Set<String> SYSTEM_SCHEMAS = Set.of("information_schema", "pg_catalog", "pg_toast");

	private static final List<Charset> BINARY_READINGS = List.of(StandardCharsets.UTF_8, StandardCharsets.ISO_8859_1,
			StandardCharsets.UTF_16LE, StandardCharsets.UTF_16BE);

	private final DataSource dataSource;

	private PlaintextScan(DataSource dataSource) {
		this.dataSource = dataSource;
	}

	public static PlaintextScan of(DataSource dataSource) {
		return new PlaintextScan(dataSource);
	}

	/** The tables whose names start with the prefix (any case), by name. */
	public List<Table> tables(String prefix) {
		try (Connection connection = this.dataSource.getConnection()) {
			DatabaseMetaData metadata = connection.getMetaData();
			TreeMap<String, Table> found = new TreeMap<>();
			try (ResultSet tables = metadata.getTables(null, null, "%", null)) {
				while (tables.next()) {
					String schema = tables.getString("TABLE_SCHEM");
					String name = tables.getString("TABLE_NAME");
					String type = String.valueOf(tables.getString("TABLE_TYPE")).toUpperCase(Locale.ROOT);
					boolean isTable = type.contains("TABLE") && !type.contains("SYSTEM") && !type.contains("TEMP");
					if (isTable && !isSystemSchema(schema)
							&& name.toLowerCase(Locale.ROOT).startsWith(prefix.toLowerCase(Locale.ROOT))) {
						found.put(name.toLowerCase(Locale.ROOT), new Table(schema, name,
								primaryKey(metadata, tables.getString("TABLE_CAT"), schema, name)));
					}
				}
			}
			return List.copyOf(found.values());
		}
		catch (SQLException ex) {
			throw new IllegalStateException("Cannot list the tables", ex);
		}
	}

	/** Every place a needle occurs in the tables whose names start with the prefix. */
	public Result scan(String tablePrefix, Collection<String> needles) {
		List<Table> tables = tables(tablePrefix);
		List<Match> matches = new ArrayList<>();
		long rows = 0;
		for (Table table : tables) {
			rows += scan(table, needles, matches);
		}
		return new Result(tables, rows, List.copyOf(matches));
	}

	private long scan(Table table, Collection<String> needles, List<Match> matches) {
		List<String> lowered = needles.stream().map(needle -> needle.toLowerCase(Locale.ROOT)).toList();
		List<String> originals = List.copyOf(needles);
		try (Connection connection = this.dataSource.getConnection(); Statement statement = connection.createStatement()) {
			String quote = connection.getMetaData().getIdentifierQuoteString().trim();
			String from = (table.schema() == null ? "" : quote + table.schema() + quote + ".") + quote + table.name()
					+ quote;
			long rows = 0;
			try (ResultSet rs = statement.executeQuery("select * from " + from)) {
				ResultSetMetaData columns = rs.getMetaData();
				while (rs.next()) {
					rows++;
					String rowId = null;
					for (int column = 1; column <= columns.getColumnCount(); column++) {
						List<String> readings = readings(rs, column, columns.getColumnType(column));
						for (int n = 0; n < lowered.size(); n++) {
							String encoding = firstContaining(readings, lowered.get(n));
							if (encoding != null) {
								rowId = rowId == null ? rowId(rs, table, rows) : rowId;
								matches.add(new Match(table.name(), columns.getColumnName(column), rowId,
										originals.get(n), encoding));
							}
						}
					}
				}
			}
			return rows;
		}
		catch (SQLException ex) {
			throw new IllegalStateException("Cannot read table " + table.name(), ex);
		}
	}

	/** The column's value as text, or for binary columns as each charset reads it (prefixed with its name). */
	private static List<String> readings(ResultSet rs, int column, int type) throws SQLException {
		if (isBinary(type)) {
			byte[] bytes = rs.getBytes(column);
			if (bytes == null || bytes.length == 0) {
				return List.of();
			}
			List<String> readings = new ArrayList<>();
			for (Charset charset : BINARY_READINGS) {
				readings.add(charset.name() + "\u0000" + new String(bytes, charset).toLowerCase(Locale.ROOT));
				if (charset.name().startsWith("UTF-16") && bytes.length > 1) {
					readings.add(charset.name() + "+1\u0000"
							+ new String(Arrays.copyOfRange(bytes, 1, bytes.length), charset).toLowerCase(Locale.ROOT));
				}
			}
			return readings;
		}
		String text = rs.getString(column);
		return text == null ? List.of() : List.of("text\u0000" + text.toLowerCase(Locale.ROOT));
	}

	private static String firstContaining(List<String> readings, String needle) {
		for (String reading : readings) {
			int split = reading.indexOf('\u0000');
			if (reading.indexOf(needle, split + 1) >= 0) {
				return reading.substring(0, split);
			}
		}
		return null;
	}

	private static String rowId(ResultSet rs, Table table, long rowNumber) throws SQLException {
		if (table.primaryKey().isEmpty()) {
			return "row " + rowNumber;
		}
		List<String> values = new ArrayList<>();
		for (String column : table.primaryKey()) {
			values.add(rs.getString(column));
		}
		return String.join("/", values);
	}

	private static boolean isBinary(int type) {
		return type == Types.BINARY || type == Types.VARBINARY || type == Types.LONGVARBINARY || type == Types.BLOB;
	}

	private static boolean isSystemSchema(String schema) {
		return schema != null && SYSTEM_SCHEMAS.contains(schema.toLowerCase(Locale.ROOT));
	}

	private static List<String> primaryKey(DatabaseMetaData metadata, String catalog, String schema, String table)
			throws SQLException {
		TreeMap<Short, String> columns = new TreeMap<>();
		try (ResultSet keys = metadata.getPrimaryKeys(catalog, schema, table)) {
			while (keys.next()) {
				columns.put(keys.getShort("KEY_SEQ"), keys.getString("COLUMN_NAME"));
			}
		}
		return List.copyOf(columns.values());
	}

	/** A table as the database names it, with its primary key columns (empty when it has none). */
	public record Table(String schema, String name, List<String> primaryKey) {
	}

	/**
	 * One occurrence.
	 *
	 * @param table the table
	 * @param column the column
	 * @param rowId the row's primary key values joined by {@code /}, or its position when the table has no key
	 * @param needle what was found
	 * @param encoding how it was read: {@code text}, or the charset a binary column was decoded with
	 */
	public record Match(String table, String column, String rowId, String needle, String encoding) {

		@Override
		public String toString() {
			return this.table + "." + this.column + " [" + this.rowId + "] holds \"" + this.needle + "\" ("
					+ this.encoding + ")";
		}
	}

	/**
	 * What a scan saw and found.
	 *
	 * @param tables the tables read
	 * @param rows how many rows they held
	 * @param matches every occurrence
	 */
	public record Result(List<Table> tables, long rows, List<Match> matches) {

		/** The names of the tables read, lower case. */
		public List<String> tableNames() {
			return this.tables.stream().map(table -> table.name().toLowerCase(Locale.ROOT)).toList();
		}
	}
}
