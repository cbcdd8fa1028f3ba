package org.opennrm.statistics.internal;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.function.Function;

import jakarta.servlet.http.HttpServletResponse;
import org.opennrm.i18n.Texts;
import org.opennrm.security.CurrentUser;
import org.opennrm.statistics.Period;
import org.opennrm.statistics.internal.StatisticsQueries.Scope;
import org.opennrm.statistics.internal.StatisticsTable.Value;
import org.springframework.context.MessageSource;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.ErrorResponseException;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;

/**
 * The statistics page for the national coordinator and the supervisors: one year of one jurisdiction, its national
 * tables and three charts drawn from them, and the CSV releases to download. Everything comes through
 * {@link Releases}, so the page shows only what disclosure control released and every view and download is audited
 * as an export, as through the API.
 */
@Controller
class StatisticsPage {

	static final String TEMPLATE = "statistics/index";

	/** The format a page view is audited with. */
	static final String PAGE = "page";

	private static final String YEAR = "[0-9]{4}";

	/** How many years back the year picker offers (any other year can still be asked for in the address). */
	private static final int YEARS_OFFERED = 10;

	private final Releases releases;

	private final Texts texts;

	private final MessageSource messages;

	StatisticsPage(Releases releases, Texts texts, MessageSource messages) {
		this.releases = releases;
		this.texts = texts;
		this.messages = messages;
	}

	@GetMapping("/statistics")
	String page(@RequestParam(required = false) String year, @RequestParam(required = false) String jurisdiction,
			Model model, HttpServletResponse response, Locale language) {
		StatisticsLabels words = new StatisticsLabels(this.texts, language);
		model.addAttribute("user", CurrentUser.get().userId());
		model.addAttribute("threshold", this.releases.threshold());
		model.addAttribute("k", this.releases.k());
		model.addAttribute("jurisdictions", this.releases.jurisdictionIds());
		model.addAttribute("fmt", new Format(words));
		Scoped scoped = scoped(year, jurisdiction, language);
		if (scoped.error() != null) {
			response.setStatus(HttpStatus.BAD_REQUEST.value());
			model.addAttribute("error", scoped.error());
			model.addAttribute("year", currentYear());
			model.addAttribute("jurisdiction", this.releases.defaultJurisdiction());
			model.addAttribute("years", years(currentYear()));
			return TEMPLATE;
		}
		Scope scope = scoped.scope();
		List<StatisticsTable> tables = this.releases.national(scope, PAGE).stream().map(words::said).toList();
		model.addAttribute("year", scope.period().from().year());
		model.addAttribute("jurisdiction", scope.jurisdiction());
		model.addAttribute("years", years(scope.period().from().year()));
		model.addAttribute("tables", tables);
		model.addAttribute("charts", StatisticsCharts.of(tables, words));
		return TEMPLATE;
	}

	@GetMapping("/statistics/exports/national.csv")
	ResponseEntity<String> national(@RequestParam(required = false) String year,
			@RequestParam(required = false) String jurisdiction, Locale language) {
		StatisticsLabels words = new StatisticsLabels(this.texts, language);
		return download(year, jurisdiction, language,
				scope -> StatisticsCsv.national(StatisticsController.name("national", scope),
						this.releases.national(scope, "csv").stream().map(words::said).toList()));
	}

	@GetMapping("/statistics/exports/eurostat.csv")
	ResponseEntity<String> eurostat(@RequestParam(required = false) String year,
			@RequestParam(required = false) String jurisdiction, Locale language) {
		return download(year, jurisdiction, language, scope -> StatisticsCsv.download(
				StatisticsController.name("eurostat", scope), EurostatTables.CSV_HEADER,
				EurostatTables.csv(this.releases.eurostat(scope, "csv"))));
	}

	@GetMapping("/statistics/exports/regional.csv")
	ResponseEntity<String> regional(@RequestParam(required = false) String year,
			@RequestParam(required = false) String jurisdiction, Locale language) {
		return download(year, jurisdiction, language, scope -> StatisticsCsv.download(
				StatisticsController.name("regional", scope), RegionalTemplate.CSV_HEADER,
				RegionalTemplate.csv(this.releases.regional(scope, "csv"))));
	}

	@GetMapping("/statistics/exports/ctdc.csv")
	ResponseEntity<String> ctdc(@RequestParam(required = false) String year,
			@RequestParam(required = false) String jurisdiction, Locale language) {
		return download(year, jurisdiction, language, scope -> StatisticsCsv.download(StatisticsController.name("ctdc", scope),
				CtdcRecords.CSV_HEADER, CtdcRecords.csv(this.releases.ctdc(scope, "csv"))));
	}

	private ResponseEntity<String> download(String year, String jurisdiction, Locale language,
			Function<Scope, ResponseEntity<String>> export) {
		Scoped scoped = scoped(year, jurisdiction, language);
		if (scoped.error() != null) {
			return ResponseEntity.badRequest()
				.contentType(new MediaType(MediaType.TEXT_PLAIN, StandardCharsets.UTF_8))
				.body(scoped.error());
		}
		return export.apply(scoped.scope());
	}

	/** The year and jurisdiction asked for, checked as the API checks them; without them, this year's default. */
	private Scoped scoped(String year, String jurisdiction, Locale language) {
		if (!blank(year) && !year.strip().matches(YEAR)) {
			return Scoped.refused(this.texts.say(language, "statistics.page.year", String.valueOf(currentYear())));
		}
		if (!blank(jurisdiction) && !jurisdiction.strip().matches(StatisticsController.JURISDICTION)) {
			return Scoped.refused(this.texts.say(language, "statistics.page.jurisdiction"));
		}
		try {
			return new Scoped(this.releases.scope(blank(year) ? null : Integer.valueOf(year.strip()),
					blank(jurisdiction) ? null : jurisdiction.strip()), null);
		}
		catch (ErrorResponseException problem) {
			return Scoped.refused(problem.updateAndGetBody(this.messages, language).getDetail());
		}
	}

	/** This year and the years before it, and the year shown if it is not among them. */
	private static List<Integer> years(int shown) {
		int current = currentYear();
		List<Integer> years = new ArrayList<>();
		for (int year = current; year > current - YEARS_OFFERED; year--) {
			years.add(year);
		}
		if (!years.contains(shown)) {
			years.add(shown);
			years.sort(Comparator.reverseOrder());
		}
		return years;
	}

	/** The year a release covers when none is named. */
	private static int currentYear() {
		return Period.parse(null).from().year();
	}

	private static boolean blank(String value) {
		return value == null || value.isBlank();
	}

	private record Scoped(Scope scope, String error) {

		static Scoped refused(String error) {
			return new Scoped(null, error);
		}
	}

	/** Words and numbers for the template, in the reader's language. */
	public static final class Format {

		private final StatisticsLabels words;

		Format(StatisticsLabels words) {
			this.words = words;
		}

		/** Words for a category code, e.g. "Sex and labour" for {@code SexAndLabour}. */
		public String label(String code) {
			return this.words.category(code);
		}

		/** Words for what rows or columns break down by. */
		public String dimension(String code) {
			return this.words.dimension(code);
		}

		public boolean withheld(Value value) {
			return value == null || value.value() == null;
		}

		/** A count, written the reader's way. */
		public String count(Number count) {
			return count == null ? "" : this.words.number(count.doubleValue());
		}

		/** A figure in days as released, one decimal at most. */
		public String days(Double days) {
			return days == null ? "" : this.words.number(days);
		}

		/** A share as a whole percentage, e.g. {@code 75 %}. */
		public String percent(Double share) {
			return share == null ? "" : this.words.percent(share);
		}

		/** The id of a table's element on the page. */
		public String anchor(String tableId) {
			return "table-" + tableId;
		}
	}
}
