package org.opennrm.statistics.internal;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.function.Function;

import jakarta.servlet.http.HttpServletResponse;
import org.opennrm.security.CurrentUser;
import org.opennrm.statistics.Period;
import org.opennrm.statistics.internal.StatisticsQueries.Scope;
import org.opennrm.statistics.internal.StatisticsTable.Value;
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

	StatisticsPage(Releases releases) {
		this.releases = releases;
	}

	@GetMapping("/statistics")
	String page(@RequestParam(required = false) String year, @RequestParam(required = false) String jurisdiction,
			Model model, HttpServletResponse response) {
		model.addAttribute("user", CurrentUser.get().userId());
		model.addAttribute("threshold", this.releases.threshold());
		model.addAttribute("k", this.releases.k());
		model.addAttribute("jurisdictions", this.releases.jurisdictionIds());
		model.addAttribute("fmt", new Format());
		Scoped scoped = scoped(year, jurisdiction);
		if (scoped.error() != null) {
			response.setStatus(HttpStatus.BAD_REQUEST.value());
			model.addAttribute("error", scoped.error());
			model.addAttribute("year", currentYear());
			model.addAttribute("jurisdiction", this.releases.defaultJurisdiction());
			model.addAttribute("years", years(currentYear()));
			return TEMPLATE;
		}
		Scope scope = scoped.scope();
		List<StatisticsTable> tables = this.releases.national(scope, PAGE);
		model.addAttribute("year", scope.period().from().year());
		model.addAttribute("jurisdiction", scope.jurisdiction());
		model.addAttribute("years", years(scope.period().from().year()));
		model.addAttribute("tables", tables);
		model.addAttribute("charts", StatisticsCharts.of(tables));
		return TEMPLATE;
	}

	@GetMapping("/statistics/exports/national.csv")
	ResponseEntity<String> national(@RequestParam(required = false) String year,
			@RequestParam(required = false) String jurisdiction) {
		return download(year, jurisdiction, scope -> StatisticsCsv.download(
				StatisticsController.name("national", scope), StatisticsCsv.LONG_FORM_HEADER,
				this.releases.national(scope, "csv").stream().flatMap(table -> StatisticsCsv.longForm(table).stream())
					.toList()));
	}

	@GetMapping("/statistics/exports/eurostat.csv")
	ResponseEntity<String> eurostat(@RequestParam(required = false) String year,
			@RequestParam(required = false) String jurisdiction) {
		return download(year, jurisdiction, scope -> StatisticsCsv.download(
				StatisticsController.name("eurostat", scope), EurostatTables.CSV_HEADER,
				EurostatTables.csv(this.releases.eurostat(scope, "csv"))));
	}

	@GetMapping("/statistics/exports/regional.csv")
	ResponseEntity<String> regional(@RequestParam(required = false) String year,
			@RequestParam(required = false) String jurisdiction) {
		return download(year, jurisdiction, scope -> StatisticsCsv.download(
				StatisticsController.name("regional", scope), RegionalTemplate.CSV_HEADER,
				RegionalTemplate.csv(this.releases.regional(scope, "csv"))));
	}

	@GetMapping("/statistics/exports/ctdc.csv")
	ResponseEntity<String> ctdc(@RequestParam(required = false) String year,
			@RequestParam(required = false) String jurisdiction) {
		return download(year, jurisdiction, scope -> StatisticsCsv.download(StatisticsController.name("ctdc", scope),
				CtdcRecords.CSV_HEADER, CtdcRecords.csv(this.releases.ctdc(scope, "csv"))));
	}

	private ResponseEntity<String> download(String year, String jurisdiction,
			Function<Scope, ResponseEntity<String>> export) {
		Scoped scoped = scoped(year, jurisdiction);
		if (scoped.error() != null) {
			return ResponseEntity.badRequest().contentType(MediaType.TEXT_PLAIN).body(scoped.error());
		}
		return export.apply(scoped.scope());
	}

	/** The year and jurisdiction asked for, checked as the API checks them; without them, this year's default. */
	private Scoped scoped(String year, String jurisdiction) {
		if (!blank(year) && !year.strip().matches(YEAR)) {
			return Scoped.refused("A year is written with four digits, for example " + currentYear() + ".");
		}
		if (!blank(jurisdiction) && !jurisdiction.strip().matches(StatisticsController.JURISDICTION)) {
			return Scoped.refused("That is not a jurisdiction; choose one from the list.");
		}
		try {
			return new Scoped(this.releases.scope(blank(year) ? null : Integer.valueOf(year.strip()),
					blank(jurisdiction) ? null : jurisdiction.strip()), null);
		}
		catch (ErrorResponseException problem) {
			return Scoped.refused(problem.getBody().getDetail());
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

	/** Formatting for the template. */
	public static final class Format {

		/** Words for a code, e.g. "Sex and labour" for {@code SexAndLabour}. */
		public String label(String code) {
			return StatisticsCharts.label(code);
		}

		public boolean withheld(Value value) {
			return value == null || value.value() == null;
		}

		/** A figure in days as released, one decimal at most. */
		public String days(Double days) {
			if (days == null) {
				return "";
			}
			return days == Math.rint(days) ? Long.toString(days.longValue()) : Double.toString(days);
		}

		/** A share as a whole percentage, e.g. {@code 75 %}. */
		public String percent(Double share) {
			return share == null ? "" : Math.round(share * 100) + " %";
		}

		/** The id of a table's element on the page. */
		public String anchor(String tableId) {
			return "table-" + tableId;
		}
	}
}
