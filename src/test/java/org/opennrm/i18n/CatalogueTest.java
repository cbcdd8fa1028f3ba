package org.opennrm.i18n;

import java.io.IOException;
import java.io.InputStream;
import java.io.StringReader;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.text.MessageFormat;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import java.util.stream.Stream;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.Test;
import org.opennrm.audit.AuditEventType;
import org.opennrm.casefile.IdentificationSection.MethodOfControl;
import org.opennrm.casefile.Section;
import org.opennrm.cases.CaseStatus;
import org.opennrm.cases.PersonStatus;
import org.opennrm.consent.ConsentPurpose;
import org.opennrm.handoff.ServiceHandoffProcess.ServiceType;
import org.opennrm.security.Role;
import org.opennrm.transnational.ReferralKind;
import org.opennrm.transnational.ReferralStatus;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The catalogues under {@code config/i18n/} as translators and the service need them: every language has every code
 * of every catalogue and no other, with the same placeholders, in valid UTF-8, with apostrophes written the one way
 * the service reads them; every code is used by the service and every code it uses exists; the webapps' words exist
 * for every language with the webapps' own keys and placeholders; and entries with a term of the legal glossary say
 * whether a legal translator has reviewed them.
 */
class CatalogueTest {

	static final Path FOLDER = Path.of("config", "i18n");

	private static final ObjectMapper JSON = new ObjectMapper();

	/** {0}, {1,number}, {min}: MessageFormat arguments and Bean Validation attributes. */
	private static final Pattern PLACEHOLDER = Pattern.compile("\\{[^{}]*}");

	/** An apostrophe alone: MessageFormat would swallow it. */
	private static final Pattern LONE_APOSTROPHE = Pattern.compile("(?<!')'(?!')");

	/** A Bean Validation constraint in use, whose default message the catalogue words. */
	private static final Pattern CONSTRAINT = Pattern.compile("@(AssertTrue|Max|Min|NotBlank|NotEmpty|NotNull|Past|"
			+ "PastOrPresent|Pattern|Size|Email|Future|FutureOrPresent|Positive|PositiveOrZero|Negative|Digits)\\b");

	/** Literals shaped like codes that are no texts: what an erasure reports it removed. */
	private static final Set<String> NOT_TEXTS = Set.of("statistics.links", "audit.entry-text");

	private static final String REVIEW = "# [needs-legal-review]";

	private static final String REVIEWED = "# [legal-reviewed]";

	/** Codes made at run time from a prefix and a value; the value must be one of these. */
	private static final Map<String, Set<String>> FAMILIES = Map.of("group.", groups(), "section.", sections(),
			"enum.ConsentPurpose.", names(ConsentPurpose.values()), "problem.title.",
			Set.of("400", "401", "403", "404", "405", "406", "409", "413", "415", "500"), "webapp.",
			Set.of("tasklist.name", "cockpit.name", "admin.name", "welcome.name"), "statistics.category.",
			union(names(MethodOfControl.values()), names(ServiceType.values()), names(CaseStatus.values()),
					names(PersonStatus.values())), "audit.event.",
			union(names(AuditEventType.values()), Set.of("Activity", "IdentityLink")), "enum.ReferralKind.",
			names(ReferralKind.values()), "enum.ReferralStatus.", names(ReferralStatus.values()));

	@Test
	void every_language_has_every_code_and_no_other() throws IOException {
		Map<String, Map<String, Map<String, String>>> catalogues = catalogues();
		Map<String, Map<String, String>> english = catalogues.get("en");
		assertThat(catalogues.keySet()).as("languages").contains("en", "mk", "sq", "sr-Latn");
		catalogues.forEach((language, basenames) -> {
			assertThat(basenames.keySet()).as("catalogues of %s", language).isEqualTo(english.keySet());
			basenames.forEach((basename, texts) -> assertThat(texts.keySet())
				.as("codes of %s_%s", basename, language)
				.containsExactlyInAnyOrderElementsOf(english.get(basename).keySet()));
		});
	}

	@Test
	void translations_keep_the_placeholders_of_the_english() throws IOException {
		Map<String, Map<String, Map<String, String>>> catalogues = catalogues();
		List<String> wrong = new ArrayList<>();
		catalogues.forEach((language, basenames) -> basenames.forEach((basename, texts) -> texts.forEach((code, text) -> {
			String english = catalogues.get("en").get(basename).get(code);
			if (english != null && !placeholders(english).equals(placeholders(text))) {
				wrong.add(language + " " + code + ": " + placeholders(text) + " instead of " + placeholders(english));
			}
		})));
		assertThat(wrong).isEmpty();
	}

	@Test
	void every_text_is_well_formed() throws IOException {
		List<String> wrong = new ArrayList<>();
		catalogues().forEach((language, basenames) -> basenames.forEach((basename, texts) -> texts.forEach((code, text) -> {
			if (text.isBlank()) {
				wrong.add(language + " " + code + ": empty");
			}
			if (!code.equals("list.separator") && !text.equals(text.strip())) {
				wrong.add(language + " " + code + ": spaces around it");
			}
			if (LONE_APOSTROPHE.matcher(text).find()) {
				wrong.add(language + " " + code + ": a lone apostrophe (write '' or ’)");
			}
			if (text.matches("(?s).*\\{\\d.*")) {
				try {
					new MessageFormat(text);
				}
				catch (IllegalArgumentException ex) {
					wrong.add(language + " " + code + ": not a message pattern (" + ex.getMessage() + ")");
				}
			}
		})));
		assertThat(wrong).isEmpty();
	}

	@Test
	void every_catalogue_file_is_utf8_without_a_byte_order_mark() throws IOException {
		try (Stream<Path> files = Files.walk(FOLDER)) {
			for (Path file : files.filter(Files::isRegularFile).toList()) {
				byte[] bytes = Files.readAllBytes(file);
				assertThat(bytes.length >= 3 && (bytes[0] & 0xFF) == 0xEF && (bytes[1] & 0xFF) == 0xBB
						&& (bytes[2] & 0xFF) == 0xBF).as("%s starts with a byte order mark", file).isFalse();
				try {
					StandardCharsets.UTF_8.newDecoder()
						.onMalformedInput(CodingErrorAction.REPORT)
						.onUnmappableCharacter(CodingErrorAction.REPORT)
						.decode(ByteBuffer.wrap(bytes));
				}
				catch (CharacterCodingException ex) {
					throw new AssertionError(file + " is not valid UTF-8", ex);
				}
			}
		}
	}

	@Test
	void every_code_of_the_service_is_in_the_catalogue_and_every_code_in_it_is_used() throws IOException {
		Set<String> english = catalogues().get("en").get("messages").keySet();
		Set<String> literals = literals();
		Set<String> unused = new TreeSet<>();
		for (String code : english) {
			if (!isUsed(code, literals)) {
				unused.add(code);
			}
		}
		assertThat(unused).as("codes nothing uses").isEmpty();
		Set<String> prefixes = english.stream()
			.map(code -> code.substring(0, code.indexOf('.') + 1))
			.collect(Collectors.toCollection(TreeSet::new));
		Set<String> missing = literals.stream()
			.filter(literal -> literal.matches("[a-z][a-zA-Z]*(\\.[a-zA-Z0-9-]+)+"))
			.filter(literal -> prefixes.stream().anyMatch(literal::startsWith))
			.filter(literal -> !english.contains(literal) && english.stream().noneMatch(code -> code.startsWith(literal + ".")))
			.filter(literal -> FAMILIES.keySet().stream().noneMatch(literal::equals))
			.filter(literal -> !NOT_TEXTS.contains(literal))
			.collect(Collectors.toCollection(TreeSet::new));
		assertThat(missing).as("codes the service uses that the catalogue lacks").isEmpty();
	}

	@Test
	void every_value_of_a_family_made_at_run_time_has_its_text() throws IOException {
		Set<String> english = catalogues().get("en").get("messages").keySet();
		Set<String> missing = new TreeSet<>();
		FAMILIES.forEach((prefix, values) -> values.stream()
			.map(value -> prefix + value)
			.filter(code -> english.stream().noneMatch(text -> text.equals(code) || text.startsWith(code + ".")))
			.forEach(missing::add));
		assertThat(missing).as("codes the service makes at run time that the catalogue lacks").isEmpty();
	}

	@Test
	void the_webapps_have_their_words_in_every_language_with_their_own_keys_and_placeholders() throws IOException {
		for (String app : List.of("tasklist", "cockpit", "admin", "welcome")) {
			Map<String, String> english = flat(webjarWords(app));
			for (String language : translatedLanguages()) {
				Path file = FOLDER.resolve("webapps").resolve(app).resolve(language + ".json");
				assertThat(file).as("%s in %s", app, language).exists();
				Map<String, String> translated = flat(JSON.readTree(file.toFile()));
				assertThat(translated.keySet()).as("%s %s keys", app, language)
					.containsExactlyInAnyOrderElementsOf(english.keySet());
				List<String> wrong = new ArrayList<>();
				translated.forEach((key, text) -> {
					if (!webappPlaceholders(text).equals(webappPlaceholders(english.get(key)))) {
						wrong.add(key + ": " + webappPlaceholders(text) + " instead of "
								+ webappPlaceholders(english.get(key)));
					}
				});
				assertThat(wrong).as("%s %s placeholders", app, language).isEmpty();
			}
		}
	}

	@Test
	void the_glossary_gives_every_term_in_every_language_with_its_review_status() throws IOException {
		List<Map<String, String>> terms = glossary();
		assertThat(terms).isNotEmpty();
		for (Map<String, String> term : terms) {
			assertThat(term.get("en")).as("term %s", term.get("id")).isNotBlank();
			assertThat(term.get("source")).as("source of %s", term.get("id")).isNotBlank();
			for (String language : translatedLanguages()) {
				assertThat(term.get(language)).as("%s in %s", term.get("id"), language).isNotBlank();
				assertThat(term.get(language + "_status")).as("status of %s in %s", term.get("id"), language)
					.isIn("needs-legal-review", "reviewed");
			}
		}
	}

	@Test
	void every_translated_entry_with_a_legal_term_says_whether_it_was_reviewed() throws IOException {
		List<Pattern> terms = glossary().stream()
			.map(term -> Pattern.compile("\\b" + Pattern.quote(term.get("en")), Pattern.CASE_INSENSITIVE))
			.toList();
		Map<String, Map<String, Map<String, String>>> catalogues = catalogues();
		List<String> unmarked = new ArrayList<>();
		for (String language : translatedLanguages()) {
			for (String basename : catalogues.get("en").keySet()) {
				Map<String, String> markers = markers(FOLDER.resolve(file(basename, language)));
				catalogues.get("en").get(basename).forEach((code, english) -> {
					if (terms.stream().anyMatch(term -> term.matcher(english).find()) && markers.get(code) == null) {
						unmarked.add(language + " " + code);
					}
				});
			}
		}
		assertThat(unmarked).as("entries with a legal term and no review marker").isEmpty();
	}

	/** Language to basename to code to text, as the service reads them (English as {@code en}). */
	static Map<String, Map<String, Map<String, String>>> catalogues() throws IOException {
		Map<String, Map<String, Map<String, String>>> catalogues = new TreeMap<>();
		try (Stream<Path> files = Files.list(FOLDER)) {
			for (Path file : files.filter(path -> path.toString().endsWith(".properties")).sorted().toList()) {
				String name = file.getFileName().toString().replace(".properties", "");
				int underscore = name.indexOf('_');
				String basename = underscore < 0 ? name : name.substring(0, underscore);
				String language = underscore < 0 ? "en" : name.substring(underscore + 1).replace('_', '-');
				Properties properties = new Properties();
				properties.load(new StringReader(Files.readString(file, StandardCharsets.UTF_8)));
				Map<String, String> texts = new TreeMap<>();
				properties.forEach((code, text) -> texts.put((String) code, (String) text));
				catalogues.computeIfAbsent(language, key -> new TreeMap<>()).put(basename, texts);
			}
		}
		return catalogues;
	}

	static List<String> translatedLanguages() throws IOException {
		return catalogues().keySet().stream().filter(language -> !language.equals("en")).toList();
	}

	private static String file(String basename, String language) {
		return basename + "_" + language.replace('-', '_') + ".properties";
	}

	/** Code to the review marker right above it, if any. */
	private static Map<String, String> markers(Path file) throws IOException {
		Map<String, String> markers = new TreeMap<>();
		String previous = "";
		for (String line : Files.readAllLines(file, StandardCharsets.UTF_8)) {
			int equals = line.indexOf('=');
			if (!line.startsWith("#") && equals > 0 && (previous.equals(REVIEW) || previous.equals(REVIEWED))) {
				markers.put(line.substring(0, equals).strip(), previous);
			}
			previous = line.strip();
		}
		return markers;
	}

	static List<Map<String, String>> glossary() throws IOException {
		List<String> lines = Files.readAllLines(FOLDER.resolve("glossary.csv"), StandardCharsets.UTF_8);
		List<String> header = csv(lines.get(0));
		List<Map<String, String>> terms = new ArrayList<>();
		for (String line : lines.subList(1, lines.size())) {
			if (line.isBlank()) {
				continue;
			}
			List<String> cells = csv(line);
			assertThat(cells).as("glossary line %s", line).hasSameSizeAs(header);
			Map<String, String> term = new LinkedHashMap<>();
			for (int i = 0; i < header.size(); i++) {
				term.put(header.get(i), cells.get(i));
			}
			terms.add(term);
		}
		return terms;
	}

	/** One line of RFC 4180 CSV (quoted cells may hold commas and doubled quotes). */
	static List<String> csv(String line) {
		List<String> cells = new ArrayList<>();
		StringBuilder cell = new StringBuilder();
		boolean quoted = false;
		for (int i = 0; i < line.length(); i++) {
			char c = line.charAt(i);
			if (quoted && c == '"' && i + 1 < line.length() && line.charAt(i + 1) == '"') {
				cell.append('"');
				i++;
			}
			else if (c == '"') {
				quoted = !quoted;
			}
			else if (c == ',' && !quoted) {
				cells.add(cell.toString());
				cell.setLength(0);
			}
			else {
				cell.append(c);
			}
		}
		cells.add(cell.toString());
		return cells;
	}

	private static List<String> placeholders(String text) {
		List<String> found = new ArrayList<>();
		Matcher placeholder = PLACEHOLDER.matcher(text);
		while (placeholder.find()) {
			found.add(placeholder.group().replaceAll("\\s", "").replaceAll(",.*", "}"));
		}
		found.sort(null);
		return found;
	}

	/** Angular's {{...}}, printf's %s and %d, and markup: the parts a webapp's words must keep. */
	private static List<String> webappPlaceholders(String text) {
		List<String> found = new ArrayList<>();
		Matcher part = Pattern.compile("\\{\\{[^}]*}}|%[sd]|</?(?:a|b|br|code|em|i|li|p|span|strong|ul)\\b[^>]*>")
			.matcher(text);
		while (part.find()) {
			found.add(part.group().replaceAll("\\s", ""));
		}
		found.sort(null);
		return found;
	}

	static JsonNode webjarWords(String app) throws IOException {
		try (InputStream in = CatalogueTest.class
			.getResourceAsStream("/META-INF/resources/webjars/camunda/app/" + app + "/locales/en.json")) {
			assertThat(in).as("the webjar's English words for %s", app).isNotNull();
			return JSON.readTree(in);
		}
	}

	/** Every text of a webapp's words by its path ({@code labels.TASK}, {@code dateLocales.months.0}). */
	static Map<String, String> flat(JsonNode node) {
		Map<String, String> flat = new TreeMap<>();
		flatten("", node, flat);
		return flat;
	}

	private static void flatten(String path, JsonNode node, Map<String, String> flat) {
		if (node.isObject()) {
			for (Iterator<Map.Entry<String, JsonNode>> fields = node.fields(); fields.hasNext();) {
				Map.Entry<String, JsonNode> field = fields.next();
				flatten(path.isEmpty() ? field.getKey() : path + "." + field.getKey(), field.getValue(), flat);
			}
		}
		else if (node.isArray()) {
			for (int i = 0; i < node.size(); i++) {
				flatten(path + "." + i, node.get(i), flat);
			}
		}
		else {
			flat.put(path, node.asText());
		}
	}

	/** Whether the service says this code: as a literal, through a family it builds codes of, or as its parent's part. */
	@SafeVarargs
	private static Set<String> union(Set<String>... sets) {
		return Stream.of(sets).flatMap(Set::stream).collect(Collectors.toSet());
	}

	private static boolean isUsed(String code, Set<String> literals) {
		if (literals.contains(code)) {
			return true;
		}
		for (Map.Entry<String, Set<String>> family : FAMILIES.entrySet()) {
			if (code.startsWith(family.getKey()) && literals.contains(family.getKey())) {
				String rest = code.substring(family.getKey().length());
				if (family.getValue().contains(rest.endsWith(".name") && family.getKey().equals("group.")
						? rest.substring(0, rest.length() - ".name".length()) : rest)) {
					return true;
				}
			}
		}
		int dot = code.lastIndexOf('.');
		// A prefix the service completes with one of the names in a list beside it (a script's words, shortcuts), or
		// a code whose parts it adds (a filter's .name and .description).
		return dot > 0 && (literals.contains(code.substring(0, dot)) || literals.contains(code.substring(0, dot + 1)))
				&& literals.contains(code.substring(dot + 1));
	}

	/**
	 * Every string literal in the service's code, templates and scripts, every #{code} of its templates, and the
	 * default message of every Bean Validation constraint it uses.
	 */
	private static final Pattern MESSAGE_EXPRESSION = Pattern.compile("#\\{'?([a-zA-Z][^}(']*)");

	static Set<String> literals() throws IOException {
		Set<String> literals = new TreeSet<>();
		Pattern literal = Pattern.compile("\"((?:[^\"\\\\\\n]|\\\\.)*)\"|'([^'\\n]*)'");
		// A template's #{code} or #{code(arguments)}, wherever it stands (mostly inside an attribute's quotes).
		Pattern templateCode = Pattern.compile("#\\{([a-zA-Z0-9.-]+)");
		try (Stream<Path> files = Stream.concat(Files.walk(Path.of("src", "main", "java")),
				Files.walk(Path.of("src", "main", "resources")))) {
			for (Path file : files.filter(Files::isRegularFile)
				.filter(path -> path.toString().matches(".*\\.(java|html|js)$"))
				.toList()) {
				String content = Files.readString(file, StandardCharsets.UTF_8);
				// A template's message expressions, wherever quotes around them fall: th:text="#{field.back}",
				// th:text="#{'field.dimension.' + ${dimension}}".
				Matcher expression = MESSAGE_EXPRESSION.matcher(content);
				while (expression.find()) {
					literals.add(expression.group(1).strip());
				}
				Matcher found = literal.matcher(content);
				while (found.find()) {
					for (int group = 1; group <= 2; group++) {
						if (found.group(group) != null) {
							String value = found.group(group).strip();
							literals.add(value);
							// A Bean Validation message names its code in braces: message = "{validation.fileReference}".
							if (value.startsWith("{") && value.endsWith("}")) {
								literals.add(value.substring(1, value.length() - 1));
							}
						}
					}
				}
				Matcher code = templateCode.matcher(Files.readString(file, StandardCharsets.UTF_8));
				while (code.find()) {
					literals.add(code.group(1));
				}
				Matcher annotation = CONSTRAINT.matcher(Files.readString(file, StandardCharsets.UTF_8));
				while (annotation.find()) {
					literals.add("jakarta.validation.constraints." + annotation.group(1) + ".message");
				}
			}
		}
		return literals;
	}

	private static Set<String> groups() {
		return Arrays.stream(Role.values()).map(Role::groupId).collect(Collectors.toSet());
	}

	private static Set<String> sections() {
		return Arrays.stream(Section.values()).map(Section::key).collect(Collectors.toSet());
	}

	private static Set<String> names(Enum<?>[] values) {
		return Arrays.stream(values).map(Enum::name).collect(Collectors.toSet());
	}
}
