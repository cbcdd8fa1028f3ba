package org.opennrm.statistics.internal;

import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.function.Supplier;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.constraints.Pattern;
import org.opennrm.i18n.Texts;
import org.opennrm.statistics.internal.StatisticsQueries.Scope;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.validation.annotation.Validated;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * Statistics for the national coordinator and supervisors (see the security configuration): one calendar year and one
 * jurisdiction at a time, every count through disclosure control, every answer audited as an export.
 */
@RestController
@Validated
@RequestMapping("/api/statistics")
@Tag(name = "Statistics", description = "National tables, Eurostat table, regional template and CTDC records; "
		+ "small counts withheld")
class StatisticsController {

	static final String FORMAT = "json|csv";

	static final String JURISDICTION = "[a-z0-9-]{1,32}";

	private final Releases releases;

	private final Texts texts;

	StatisticsController(Releases releases, Texts texts) {
		this.releases = releases;
		this.texts = texts;
	}

	/**
	 * A national table as the index lists it.
	 *
	 * @param id the table id
	 * @param title its title
	 * @param description what it counts
	 */
	record TableIndex(String id, String title, String description) {
	}

	@GetMapping(path = "/tables", produces = MediaType.APPLICATION_JSON_VALUE)
	@Operation(summary = "The national tables there are")
	List<TableIndex> index(Locale language) {
		StatisticsLabels words = new StatisticsLabels(this.texts, language);
		return Arrays.stream(Indicator.values())
			.map(indicator -> new TableIndex(indicator.id(), words.title(indicator.id()),
					words.description(indicator.id())))
			.toList();
	}

	@GetMapping("/tables/{id}")
	@Operation(summary = "One national table for a year and a jurisdiction; json or csv")
	ResponseEntity<?> table(@PathVariable @Pattern(regexp = "[a-z-]{1,64}") String id,
			@RequestParam(required = false) Integer year,
			@RequestParam(required = false) @Pattern(regexp = JURISDICTION) String jurisdiction,
			@RequestParam(defaultValue = "json") @Pattern(regexp = FORMAT) String format, Locale language) {
		Scope scope = this.releases.scope(year, jurisdiction);
		StatisticsTable table = new StatisticsLabels(this.texts, language).said(this.releases.table(id, scope, format));
		return format.equals("json") ? json(table) : StatisticsCsv.national(name(id, scope), List.of(table));
	}

	@GetMapping("/national")
	@Operation(summary = "Every national table for a year and a jurisdiction; json or csv (long form)")
	ResponseEntity<?> national(@RequestParam(required = false) Integer year,
			@RequestParam(required = false) @Pattern(regexp = JURISDICTION) String jurisdiction,
			@RequestParam(defaultValue = "json") @Pattern(regexp = FORMAT) String format, Locale language) {
		Scope scope = this.releases.scope(year, jurisdiction);
		StatisticsLabels words = new StatisticsLabels(this.texts, language);
		List<StatisticsTable> tables = this.releases.national(scope, format).stream().map(words::said).toList();
		return format.equals("json") ? json(tables) : StatisticsCsv.national(name("national", scope), tables);
	}

	@GetMapping("/eurostat")
	@Operation(summary = "Registered victims shaped like Eurostat's crim_thb tables (SDMX-CSV style); json or csv")
	ResponseEntity<?> eurostat(@RequestParam(required = false) Integer year,
			@RequestParam(required = false) @Pattern(regexp = JURISDICTION) String jurisdiction,
			@RequestParam(defaultValue = "json") @Pattern(regexp = FORMAT) String format) {
		Scope scope = this.releases.scope(year, jurisdiction);
		EurostatTables.Release release = this.releases.eurostat(scope, format);
		return respond(format, "eurostat", scope, release, EurostatTables.CSV_HEADER,
				() -> EurostatTables.csv(release));
	}

	@GetMapping("/regional")
	@Operation(summary = "The regional exchange template of aggregates; json or csv")
	ResponseEntity<?> regional(@RequestParam(required = false) Integer year,
			@RequestParam(required = false) @Pattern(regexp = JURISDICTION) String jurisdiction,
			@RequestParam(defaultValue = "json") @Pattern(regexp = FORMAT) String format) {
		Scope scope = this.releases.scope(year, jurisdiction);
		RegionalTemplate.Release release = this.releases.regional(scope, format);
		return respond(format, "regional", scope, release, RegionalTemplate.CSV_HEADER,
				() -> RegionalTemplate.csv(release));
	}

	@GetMapping("/ctdc")
	@Operation(summary = "Registered victims as k-anonymous records in the CTDC vocabulary; json or csv")
	ResponseEntity<?> ctdc(@RequestParam(required = false) Integer year,
			@RequestParam(required = false) @Pattern(regexp = JURISDICTION) String jurisdiction,
			@RequestParam(defaultValue = "json") @Pattern(regexp = FORMAT) String format) {
		Scope scope = this.releases.scope(year, jurisdiction);
		CtdcRecords.Release release = this.releases.ctdc(scope, format);
		return respond(format, "ctdc", scope, release, CtdcRecords.CSV_HEADER, () -> CtdcRecords.csv(release));
	}

	/** The release as JSON, or as a CSV attachment named after it. */
	private static ResponseEntity<?> respond(String format, String export, Scope scope, Object json,
			List<String> header, Supplier<List<List<String>>> csv) {
		if (format.equals("json")) {
			return json(json);
		}
		return StatisticsCsv.download(name(export, scope), header, csv.get());
	}

	private static ResponseEntity<?> json(Object body) {
		return ResponseEntity.ok().contentType(MediaType.APPLICATION_JSON).body(body);
	}

	static String name(String export, Scope scope) {
		return "statistics-" + export + "-" + scope.jurisdiction() + "-" + scope.period().from().year();
	}
}
