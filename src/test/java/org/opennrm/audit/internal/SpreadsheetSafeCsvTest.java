package org.opennrm.audit.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.opennrm.audit.TimelineItem;

/** Cells a spreadsheet would run as formulas are defused; everything is quoted, quotes doubled. */
class SpreadsheetSafeCsvTest {

	@Test
	void formulas_are_prefixed_so_a_spreadsheet_shows_them_as_text() {
		String csv = SpreadsheetSafeCsv.write(List.of(new TimelineItem(Instant.parse("2026-01-02T03:04:05Z"), "audit",
				"BreakGlass", "demo-supervisor", "DEMO-2026-000001", "=HYPERLINK(\"http://evil\")", "+1+1", "-2",
				7L), new TimelineItem(Instant.parse("2026-01-02T03:04:06Z"), "audit", "Export", "@sum", null,
						"\tcmd", "\rcmd", "plain, with comma", null)));

		assertThat(csv).isEqualTo(String.join("\n",
				"\"at\",\"source\",\"type\",\"actor\",\"caseReference\",\"subject\",\"purpose\",\"detail\",\"sequence\"",
				"\"2026-01-02T03:04:05Z\",\"audit\",\"BreakGlass\",\"demo-supervisor\",\"DEMO-2026-000001\","
						+ "\"'=HYPERLINK(\"\"http://evil\"\")\",\"'+1+1\",\"'-2\",\"7\"",
				"\"2026-01-02T03:04:06Z\",\"audit\",\"Export\",\"'@sum\",\"\",\"'\tcmd\",\"'\rcmd\",\"plain, with comma\",\"\"", ""));
	}

	@Test
	void a_download_starts_with_a_byte_order_mark_and_keeps_its_headers_and_the_words_people_wrote() {
		String body = SpreadsheetSafeCsv.download("timeline-DEMO-2026-000001", List.of(new TimelineItem(
				Instant.parse("2026-01-02T03:04:05Z"), "audit", "Oversight", "demo-supervisor", null, "absence",
				"Годишен одмор", "", 3L))).getBody();

		assertThat(body).startsWith("\uFEFF\"at\",\"source\",\"type\"").contains("\"Годишен одмор\"");
	}

	@Test
	void ordinary_cells_are_left_as_they_are() {
		assertThat(SpreadsheetSafeCsv.safe("demo-police")).isEqualTo("demo-police");
		assertThat(SpreadsheetSafeCsv.safe(null)).isEmpty();
		assertThat(SpreadsheetSafeCsv.safe("a=b")).isEqualTo("a=b");
	}
}
