package org.opennrm.test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

import java.nio.charset.StandardCharsets;
import java.util.List;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.datasource.DriverManagerDataSource;

/** The scanner itself, on planted rows: it must find what is there, however it is stored, and only that. */
class PlaintextScanTest {

	private static final String SENTINEL = "SENTINEL-planted-7f3a";

	private DriverManagerDataSource dataSource;

	private JdbcTemplate jdbc;

	@BeforeEach
	void tables() {
		this.dataSource = new DriverManagerDataSource("jdbc:h2:mem:plaintext-scan;DB_CLOSE_DELAY=-1", "sa", "");
		this.jdbc = new JdbcTemplate(this.dataSource);
		this.jdbc.execute("create table act_x_text (id_ varchar(10) primary key, short_ varchar(100), long_ clob)");
		this.jdbc.execute("create table ACT_X_BYTES (id_ varchar(10) primary key, bytes_ blob, raw_ varbinary(200))");
		this.jdbc.execute("create table act_x_nokey (text_ varchar(100))");
		this.jdbc.execute("create table nrm_x (id bigint primary key, reason varchar(100))");
	}

	@AfterEach
	void drop() {
		this.jdbc.execute("drop all objects");
	}

	@Test
	void a_sentinel_in_a_text_column_is_found_with_its_table_column_and_row_whatever_the_case() {
		this.jdbc.update("insert into act_x_text values ('r1', ?, null)", "before " + SENTINEL.toLowerCase() + " after");
		this.jdbc.update("insert into act_x_text values ('r2', null, ?)", "x".repeat(10_000) + SENTINEL);

		List<PlaintextScan.Match> matches = PlaintextScan.of(this.dataSource).scan("ACT_", List.of(SENTINEL)).matches();

		assertThat(matches).extracting(Object::toString)
			.containsExactlyInAnyOrder("ACT_X_TEXT.SHORT_ [r1] holds \"" + SENTINEL + "\" (text)",
					"ACT_X_TEXT.LONG_ [r2] holds \"" + SENTINEL + "\" (text)");
	}

	@Test
	void a_sentinel_in_bytes_is_found_in_utf8_and_in_utf16_of_either_byte_order_and_alignment() {
		this.jdbc.update("insert into act_x_bytes values ('utf8', ?, null)", ("{\"a\":\"" + SENTINEL + "\"}").getBytes(
				StandardCharsets.UTF_8));
		this.jdbc.update("insert into act_x_bytes values ('le', ?, null)", SENTINEL.getBytes(StandardCharsets.UTF_16LE));
		this.jdbc.update("insert into act_x_bytes values ('be', null, ?)", concat(new byte[] { 7 },
				SENTINEL.getBytes(StandardCharsets.UTF_16BE)));

		List<PlaintextScan.Match> matches = PlaintextScan.of(this.dataSource).scan("act_", List.of(SENTINEL)).matches();

		assertThat(matches).extracting(PlaintextScan.Match::rowId, PlaintextScan.Match::column)
			.containsExactlyInAnyOrder(tuple("utf8", "BYTES_"),
					tuple("le", "BYTES_"), tuple("be", "RAW_"));
	}

	@Test
	void tables_are_chosen_by_prefix_and_a_table_without_a_key_names_the_row_by_position() {
		this.jdbc.update("insert into act_x_nokey values ('nothing here')");
		this.jdbc.update("insert into act_x_nokey values (?)", SENTINEL);
		this.jdbc.update("insert into nrm_x values (1, ?)", SENTINEL);

		PlaintextScan.Result engine = PlaintextScan.of(this.dataSource).scan("act_", List.of(SENTINEL, "absent"));
		PlaintextScan.Result ours = PlaintextScan.of(this.dataSource).scan("nrm_", List.of(SENTINEL));

		assertThat(engine.tableNames()).containsExactly("act_x_bytes", "act_x_nokey", "act_x_text");
		assertThat(engine.rows()).isEqualTo(2);
		assertThat(engine.matches()).extracting(Object::toString)
			.containsExactly("ACT_X_NOKEY.TEXT_ [row 2] holds \"" + SENTINEL + "\" (text)");
		assertThat(ours.matches()).extracting(Object::toString)
			.containsExactly("NRM_X.REASON [1] holds \"" + SENTINEL + "\" (text)");
	}

	private static byte[] concat(byte[] first, byte[] second) {
		byte[] all = new byte[first.length + second.length];
		System.arraycopy(first, 0, all, 0, first.length);
		System.arraycopy(second, 0, all, first.length, second.length);
		return all;
	}
}
