package org.opennrm.statistics.internal;

import java.nio.charset.StandardCharsets;
import java.util.List;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.dataformat.csv.CsvMapper;
import com.fasterxml.jackson.dataformat.csv.CsvSchema;
import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;

/**
 * Statistics as CSV attachments. Every cell is a code, a number or a flag chosen by the system (no free text reaches
 * statistics), so no cell can start a spreadsheet formula.
 */
final class StatisticsCsv {

	private static final CsvMapper CSV = new CsvMapper();

	private StatisticsCsv() {
	}

	/**
	 * National tables in long form, with the words of the reader's language beside the codes, led by a byte-order
	 * mark so that spreadsheet programs read the Cyrillic and Albanian letters as UTF-8. The columns keep their
	 * names in every language: programs read them.
	 */
	static ResponseEntity<String> national(String name, List<StatisticsTable> tables) {
		return download(name, LONG_FORM_HEADER, tables.stream().flatMap(table -> longForm(table).stream()).toList(),
				BYTE_ORDER_MARK);
	}

	static ResponseEntity<String> download(String name, List<String> header, List<List<String>> rows) {
		return download(name, header, rows, "");
	}

	private static ResponseEntity<String> download(String name, List<String> header, List<List<String>> rows,
			String lead) {
		CsvSchema.Builder schema = CsvSchema.builder().setUseHeader(true);
		header.forEach(schema::addColumn);
		try {
			return ResponseEntity.ok()
				.contentType(new MediaType("text", "csv", StandardCharsets.UTF_8))
				.header(HttpHeaders.CONTENT_DISPOSITION,
						ContentDisposition.attachment().filename(name + ".csv").build().toString())
				.body(lead + CSV.writer(schema.build()).writeValueAsString(rows));
		}
		catch (JsonProcessingException ex) {
			throw new IllegalStateException("Cannot write CSV", ex);
		}
	}

	/**
	 * A table in long form: one line per cell, margins and totals included, suppressed cells flagged {@code c}; the
	 * table's title and the row's and column's words as the table was said.
	 */
	static List<List<String>> longForm(StatisticsTable table) {
		return table.cellLines()
			.stream()
			.map(line -> List.of(table.id(), table.period(), table.jurisdiction() == null ? "" : table.jurisdiction(),
					table.rowDimension(), line.row(), table.columnDimension() == null ? "" : table.columnDimension(),
					line.column(), line.value().value() == null ? "" : line.value().value().toString(),
					line.value().flag() == null ? "" : line.value().flag(), nonNull(table.title()),
					nonNull(table.label(line.row())), nonNull(table.label(line.column()))))
			.toList();
	}

	private static String nonNull(String text) {
		return text == null ? "" : text;
	}

	/** A UTF-8 byte-order mark. */
	static final String BYTE_ORDER_MARK = "\uFEFF";

	static final List<String> LONG_FORM_HEADER = List.of("table", "period", "jurisdiction", "rowDimension", "row",
			"columnDimension", "column", "value", "flag", "tableTitle", "rowLabel", "columnLabel");
}
