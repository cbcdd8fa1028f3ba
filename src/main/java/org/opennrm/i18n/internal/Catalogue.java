package org.opennrm.i18n.internal;

import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.Reader;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Properties;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.springframework.core.io.Resource;

/**
 * The texts of one language: every {@code <basename>[_<language>[_<Script>]].properties} file of that language under
 * the catalogue folder, read as UTF-8 (a file that is not valid UTF-8 stops the service rather than show garbage). A
 * code is defined once across the basenames of a language.
 */
final class Catalogue {

	/** {@code messages.properties}, {@code processes_mk.properties}, {@code messages_sr_Latn.properties}. */
	static final Pattern FILE_NAME = Pattern.compile("([a-z][a-z0-9-]*)(?:_([a-z]{2,3})(?:_([A-Z][a-z]{3}))?(?:_([A-Z]{2}))?)?\\.properties");

	private final Locale language;

	private final Map<String, String> texts;

	Catalogue(Locale language, Map<String, String> texts) {
		this.language = language;
		this.texts = Collections.unmodifiableMap(new LinkedHashMap<>(texts));
	}

	Locale language() {
		return this.language;
	}

	String text(String code) {
		return this.texts.get(code);
	}

	Map<String, String> texts() {
		return this.texts;
	}

	Set<String> codes() {
		return Collections.unmodifiableSet(new TreeSet<>(this.texts.keySet()));
	}

	/** The language a catalogue file is for, from its name; {@code null} for a file that is not a catalogue. */
	static Locale languageOf(String fileName) {
		Matcher name = FILE_NAME.matcher(fileName);
		if (!name.matches()) {
			return null;
		}
		if (name.group(2) == null) {
			return Locale.ENGLISH;
		}
		Locale.Builder builder = new Locale.Builder().setLanguage(name.group(2));
		if (name.group(3) != null) {
			builder.setScript(name.group(3));
		}
		if (name.group(4) != null) {
			builder.setRegion(name.group(4));
		}
		return builder.build();
	}

	/** Reads the files of one language into one catalogue; the same code in two files is an error. */
	static Catalogue read(Locale language, List<Resource> files) throws IOException {
		Map<String, String> texts = new TreeMap<>();
		Map<String, String> definedIn = new TreeMap<>();
		for (Resource file : files) {
			for (Map.Entry<String, String> entry : readFile(file).entrySet()) {
				String previous = definedIn.putIfAbsent(entry.getKey(), file.getFilename());
				if (previous != null) {
					throw new IllegalStateException("Catalogue code " + entry.getKey() + " is defined in both " + previous
							+ " and " + file.getFilename());
				}
				texts.put(entry.getKey(), entry.getValue());
			}
		}
		return new Catalogue(language, texts);
	}

	static Map<String, String> readFile(Resource file) throws IOException {
		Properties properties = new Properties();
		try (InputStream in = file.getInputStream();
				Reader reader = new InputStreamReader(in, StandardCharsets.UTF_8.newDecoder()
					.onMalformedInput(CodingErrorAction.REPORT)
					.onUnmappableCharacter(CodingErrorAction.REPORT))) {
			properties.load(reader);
		}
		catch (CharacterCodingException ex) {
			throw new IllegalStateException("Catalogue " + file.getFilename() + " is not valid UTF-8", ex);
		}
		Map<String, String> texts = new TreeMap<>();
		properties.forEach((key, value) -> texts.put(((String) key).strip(), (String) value));
		return texts;
	}
}
