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

	static ResponseEntity<String> download(String name, List<String> header, List<List<String>> rows) {
		CsvSchema.Builder schema = CsvSchema.builder().setUseHeader(true);
		header.forEach(schema::addColumn);
		try {
			return ResponseEntity.ok()
				.contentType(new MediaType("text", "csv", StandardCharsets.UTF_8))
				.header(HttpHeaders.CONTENT_DISPOSITION,
						ContentDisposition.attachment().filename(name + ".csv").build().toString())
				.body(CSV.writer(schema.build()).writeValueAsString(rows));
		}
		catch (JsonProcessingException ex) {
			throw new IllegalStateException("Cannot write CSV", ex);
		}
	}

	/** A table in long form: one line per cell, margins and totals included, suppressed cells flagged {@code c}. */
	static List<List<String>> longForm(StatisticsTable table) {
		return table.cellLines()
			.stream()
			.map(line -> List.of(table.id(), table.period(), table.jurisdiction() == null ? "" : table.jurisdiction(),
					table.rowDimension(), line.row(), table.columnDimension() == null ? "" : table.columnDimension(),
					line.column(), line.value().value() == null ? "" : line.value().value().toString(),
					line.value().flag() == null ? "" : line.value().flag()))
			.toList();
	}

	static final List<String> LONG_FORM_HEADER = List.of("table", "period", "jurisdiction", "rowDimension", "row",
			"columnDimension", "column", "value", "flag");
}
