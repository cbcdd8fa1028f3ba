package org.opennrm.audit.internal;

import java.nio.charset.StandardCharsets;
import java.util.List;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.dataformat.csv.CsvGenerator;
import com.fasterxml.jackson.dataformat.csv.CsvMapper;
import com.fasterxml.jackson.dataformat.csv.CsvSchema;
import org.opennrm.audit.TimelineItem;
import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;

/**
 * Timeline lines as CSV that a spreadsheet opens as text: every cell quoted, and a cell that a spreadsheet would
 * read as a formula ({@code = + - @}, tab or carriage return first) prefixed with an apostrophe (OWASP's advice
 * against CSV injection). Headers are the fields' names, the same in every language, for the programs that read
 * them; a download starts with a byte-order mark, so that a spreadsheet reads the reasons and names people wrote in
 * their own language as UTF-8.
 */
final class SpreadsheetSafeCsv {

	private static final CsvMapper CSV = CsvMapper.builder()
		.enable(CsvGenerator.Feature.ALWAYS_QUOTE_STRINGS)
		.enable(CsvGenerator.Feature.ALWAYS_QUOTE_EMPTY_STRINGS)
		.build();

	private static final CsvSchema SCHEMA = CsvSchema.builder()
		.addColumn("at").addColumn("source").addColumn("type").addColumn("actor").addColumn("caseReference")
		.addColumn("subject").addColumn("purpose").addColumn("detail").addColumn("sequence")
		.setUseHeader(true)
		.setQuoteChar('"')
		.build();

	/** The UTF-8 byte-order mark. */
	static final String BYTE_ORDER_MARK = "\uFEFF";

	private SpreadsheetSafeCsv() {
	}

	static String write(List<TimelineItem> items) {
		List<List<String>> rows = items.stream()
			.map(item -> List.of(String.valueOf(item.at()), safe(item.source()), safe(item.type()), safe(item.actor()),
					safe(item.caseReference()), safe(item.subject()), safe(item.purpose()), safe(item.detail()),
					item.sequence() == null ? "" : item.sequence().toString()))
			.toList();
		try {
			return CSV.writer(SCHEMA).writeValueAsString(rows);
		}
		catch (JsonProcessingException ex) {
			throw new IllegalStateException("Cannot write CSV", ex);
		}
	}

	/** The lines as a CSV attachment named after what they show, with a byte-order mark. */
	static ResponseEntity<String> download(String name, List<TimelineItem> items) {
		return ResponseEntity.ok()
			.contentType(new MediaType("text", "csv", StandardCharsets.UTF_8))
			.header(HttpHeaders.CONTENT_DISPOSITION,
					ContentDisposition.attachment().filename(name + ".csv").build().toString())
			.body(BYTE_ORDER_MARK + write(items));
	}

	static String safe(String cell) {
		if (cell == null || cell.isEmpty()) {
			return "";
		}
		char first = cell.charAt(0);
		return first == '=' || first == '+' || first == '-' || first == '@' || first == '\t' || first == '\r'
				? "'" + cell : cell;
	}
}
