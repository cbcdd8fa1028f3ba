package org.opennrm.statistics.internal;

import java.text.NumberFormat;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Pattern;

import org.opennrm.i18n.ProcessTexts;
import org.opennrm.i18n.Texts;
import org.opennrm.security.Role;

/**
 * The words for a release in one language. Tables, exports and charts carry codes ({@code Female},
 * {@code SexAndLabour}, {@code ngo}, {@code XK}); what a reader sees is said here: a category by its catalogue entry
 * ({@code statistics.category.<code>}), an agency by its group's name, a country by its name in the reader's language
 * (from the JDK's CLDR data), while quarters and age bands ({@code 2026-Q1}, {@code 18-20}) read the same in every
 * language. Numbers are written the reader's way.
 */
final class StatisticsLabels {

	static final String CATEGORY = "statistics.category.";

	static final String DIMENSION = "statistics.dimension.";

	static final String TITLE = "statistics.title.";

	static final String DESCRIPTION = "statistics.description.";

	/** The code of a row or column of totals. */
	static final String TOTAL = "Total";

	private static final Pattern COUNTRY = Pattern.compile("[A-Z]{2}");

	private final Texts texts;

	private final Locale language;

	StatisticsLabels(Texts texts, Locale language) {
		this.texts = texts;
		this.language = language;
	}

	Locale language() {
		return this.language;
	}

	/** What a text code says in this language. */
	String say(String code, Object... arguments) {
		return this.texts.say(this.language, code, arguments);
	}

	/** Words for a category of a row or a column. */
	String category(String code) {
		if (code == null || code.isEmpty()) {
			return "";
		}
		if (Role.ofGroup(code).isPresent()) {
			return say(ProcessTexts.group(code));
		}
		// The catalogue first: EU is a group of citizenships here, not a country code.
		String known = this.texts.sayOr(this.language, CATEGORY + code, null);
		if (known != null) {
			return known;
		}
		if (COUNTRY.matcher(code).matches()) {
			String name = new Locale("", code).getDisplayCountry(this.language);
			return name.isBlank() ? code : name;
		}
		// Quarters and age bands read the same in every language; a group that is no role (a mobile team that
		// registered cases) is named by its id.
		return code;
	}

	/** Words for what rows or columns break down by, e.g. {@code sex}. */
	String dimension(String code) {
		return code == null ? "" : say(DIMENSION + code);
	}

	String title(String tableId) {
		return say(TITLE + tableId);
	}

	String description(String tableId) {
		return say(DESCRIPTION + tableId);
	}

	/** A count or a figure, with the reader's digits grouping and decimal sign, one decimal at most. */
	String number(double value) {
		NumberFormat format = NumberFormat.getNumberInstance(this.language);
		format.setMaximumFractionDigits(1);
		return format.format(value);
	}

	/** A share as a whole percentage, written the reader's way. */
	String percent(double share) {
		return NumberFormat.getPercentInstance(this.language).format(share);
	}

	/**
	 * The table with its title and description in this language and the words for every code in it (dimensions, rows,
	 * columns, summaries), so that a reader of the JSON needs no catalogue of their own.
	 */
	StatisticsTable said(StatisticsTable table) {
		Map<String, String> labels = new LinkedHashMap<>();
		labels.put(table.rowDimension(), dimension(table.rowDimension()));
		if (table.columnDimension() != null) {
			labels.put(table.columnDimension(), dimension(table.columnDimension()));
		}
		table.rows().forEach(row -> labels.put(row.label(), category(row.label())));
		table.columns().forEach(column -> labels.put(column, category(column)));
		if (table.summaries() != null) {
			table.summaries().forEach(summary -> labels.put(summary.label(), category(summary.label())));
		}
		labels.put(TOTAL, category(TOTAL));
		return table.withWords(title(table.id()), description(table.id()), labels);
	}
}
