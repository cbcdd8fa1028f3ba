package org.opennrm.i18n.internal;

import java.text.MessageFormat;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.time.format.FormatStyle;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import org.opennrm.i18n.ProcessTexts;
import org.springframework.web.util.HtmlUtils;

/**
 * What the engine shows, in the reader's language: names of processes, tasks and other BPMN elements wherever an
 * answer carries them (task lists, history, activity trees, process definitions, the BPMN diagram itself), Camunda
 * Forms component by component, options offered to a form through a variable, group names, and our Tasklist
 * filters. It recognises each by its shape, so every API that returns it (engine REST, Tasklist's and Cockpit's own)
 * is covered, and changes only names: ids, keys and values stay as they are, so nothing a client sends back changes
 * meaning. What the catalogues lack stays as the model says it.
 */
final class EngineTexts {

	private static final ObjectMapper JSON = new ObjectMapper();

	/** An opening tag with an id and a name, as BPMN elements are written. */
	private static final Pattern NAMED_ELEMENT = Pattern.compile("<([\\w:.-]+)(\\s[^>]*?)\\bname=\"([^\"]*)\"([^>]*)>");

	private static final Pattern ID = Pattern.compile("\\bid=\"([^\"]+)\"");

	private static final Pattern ISO_DATE = Pattern.compile("\\d{4}-\\d{2}-\\d{2}");

	private static final List<String> FORM_TEXTS = List.of("label", "description", "text", "placeholder");

	private final Catalogues catalogues;

	EngineTexts(Catalogues catalogues) {
		this.catalogues = catalogues;
	}

	/** Translates a JSON answer in place; an answer that is not JSON is returned untouched. */
	JsonNode translate(JsonNode answer, Locale language) {
		if (answer.isObject()) {
			object((ObjectNode) answer, language);
		}
		else if (answer.isArray()) {
			answer.forEach(element -> translate(element, language));
		}
		return answer;
	}

	private void object(ObjectNode node, Locale language) {
		if (isForm(node)) {
			form(node.path("id").asText(), node, language);
			return;
		}
		task(node, language);
		activity(node, language);
		definition(node, language);
		processDefinitionName(node, language);
		diagram(node, language);
		group(node, language);
		filter(node, language);
		optionsVariable(node, language);
		for (Iterator<Map.Entry<String, JsonNode>> fields = node.fields(); fields.hasNext();) {
			translate(fields.next().getValue(), language);
		}
	}

	/** A task: its name is its BPMN element's. */
	private void task(ObjectNode node, Locale language) {
		if (node.hasNonNull("taskDefinitionKey") && node.path("name").isTextual()) {
			String process = processKey(node);
			if (process != null) {
				replace(node, "name", ProcessTexts.element(process, node.get("taskDefinitionKey").asText()), language);
			}
		}
	}

	/** An activity instance, running or historic; the root of an activity tree is the process itself. */
	private void activity(ObjectNode node, Locale language) {
		if (node.hasNonNull("activityId") && node.path("activityName").isTextual()) {
			String process = processKey(node);
			if (process != null) {
				String activity = node.get("activityId").asText();
				String element = activity.equals(node.path("processDefinitionId").asText()) ? process : activity;
				replace(node, "activityName", ProcessTexts.element(process, element), language);
			}
		}
	}

	/** A process or decision definition: {@code key}, {@code name}, and an id that starts with the key. */
	private void definition(ObjectNode node, Locale language) {
		String key = node.path("key").asText(null);
		if (key != null && node.path("name").isTextual() && node.path("id").asText("").startsWith(key + ":")) {
			replace(node, "name", ProcessTexts.process(key), language);
		}
	}

	private void processDefinitionName(ObjectNode node, Locale language) {
		String key = node.path("processDefinitionKey").asText(null);
		if (key != null && node.path("processDefinitionName").isTextual()) {
			replace(node, "processDefinitionName", ProcessTexts.process(key), language);
		}
	}

	/** The BPMN XML a diagram is drawn from: the name of every element the catalogues know. */
	private void diagram(ObjectNode node, Locale language) {
		if (node.path("bpmn20Xml").isTextual()) {
			String process = keyOfDefinition(node.path("id").asText(""));
			if (process != null) {
				node.put("bpmn20Xml", diagram(node.get("bpmn20Xml").asText(), process, language));
			}
		}
	}

	String diagram(String xml, String process, Locale language) {
		Matcher element = NAMED_ELEMENT.matcher(xml);
		StringBuilder out = new StringBuilder(xml.length() + xml.length() / 4);
		while (element.find()) {
			Matcher id = ID.matcher(element.group(2) + element.group(4));
			String text = id.find() ? text(language, ProcessTexts.element(process, id.group(1))) : null;
			String replacement = text == null ? element.group()
					: "<" + element.group(1) + element.group(2) + "name=\"" + HtmlUtils.htmlEscape(text, "UTF-8").replace("\n", "&#10;") + "\""
							+ element.group(4) + ">";
			element.appendReplacement(out, Matcher.quoteReplacement(replacement));
		}
		element.appendTail(out);
		return out.toString();
	}

	/**
	 * A group, however the engine's APIs give it (identity API, Tasklist's list of a user's groups, HAL resources with
	 * links): an {@code id} and a {@code name}. Only our groups' ids have a name in the catalogues, so nothing else is
	 * touched.
	 */
	private void group(ObjectNode node, Locale language) {
		if (node.path("id").isTextual() && node.path("name").isTextual()
				&& !node.has("key") && !node.has("taskDefinitionKey")) {
			replace(node, "name", ProcessTexts.group(node.get("id").asText()), language);
		}
	}

	/** One of our Tasklist filters: its properties name the catalogue code of its name and description. */
	private void filter(ObjectNode node, Locale language) {
		JsonNode properties = node.path("properties");
		String code = properties.path(ProcessTexts.FILTER_TEXT).asText(null);
		if (code == null || !node.path("name").isTextual()) {
			return;
		}
		List<Object> arguments = new ArrayList<>();
		properties.path(ProcessTexts.FILTER_TEXT_ARGUMENTS)
			.forEach(argument -> arguments.add(argument(argument.asText(), language)));
		replace(node, "name", code + ".name", language, arguments.toArray());
		if (properties.path("description").isTextual()) {
			replace((ObjectNode) properties, "description", code + ".description", language, arguments.toArray());
		}
		for (JsonNode variable : properties.path("variables")) {
			if (variable.isObject() && variable.path("name").isTextual()) {
				replace((ObjectNode) variable, "label", "filter.variable." + variable.get("name").asText(), language);
			}
		}
	}

	/** An argument of a filter's texts in the reader's language: a group's name, a date in their way. */
	private String argument(String value, Locale language) {
		if (value.startsWith(ProcessTexts.GROUP_ARGUMENT)) {
			String group = value.substring(ProcessTexts.GROUP_ARGUMENT.length());
			String name = text(language, ProcessTexts.group(group));
			return name != null ? name : group;
		}
		if (ISO_DATE.matcher(value).matches()) {
			return DateTimeFormatter.ofLocalizedDate(FormatStyle.MEDIUM).withLocale(language).format(LocalDate.parse(value));
		}
		return value;
	}

	/**
	 * A JSON variable holding the options of a form field, each naming the catalogue entry it comes from
	 * ({@code [{label, value, checklist}]}, as the indicator checklists are offered).
	 */
	private void optionsVariable(ObjectNode node, Locale language) {
		if (!"Json".equals(node.path("type").asText()) || !node.path("value").isTextual()) {
			return;
		}
		String value = node.get("value").asText();
		if (!value.startsWith("[") || !value.contains("\"checklist\"")) {
			return;
		}
		try {
			JsonNode options = JSON.readTree(value);
			boolean changed = false;
			for (JsonNode option : options) {
				if (option.isObject() && option.path("checklist").isTextual() && option.path("value").isTextual()) {
					changed |= replace((ObjectNode) option, "label",
							"indicator." + option.get("checklist").asText() + "." + option.get("value").asText(),
							language);
				}
			}
			if (changed) {
				node.put("value", JSON.writeValueAsString(options));
			}
		}
		catch (JsonProcessingException ex) {
			// Not options after all: left as it is.
		}
	}

	private static boolean isForm(ObjectNode node) {
		return node.path("components").isArray() && node.has("schemaVersion") && node.path("id").isTextual();
	}

	/** A Camunda Form: each component's texts and option labels, from {@code form.<formId>.<componentId>.*}. */
	private void form(String formId, ObjectNode node, Locale language) {
		for (JsonNode component : node.path("components")) {
			if (!component.isObject() || !component.path("id").isTextual()) {
				continue;
			}
			ObjectNode field = (ObjectNode) component;
			String prefix = "form." + formId + "." + field.get("id").asText() + ".";
			for (String text : FORM_TEXTS) {
				if (field.path(text).isTextual()) {
					replace(field, text, prefix + text, language);
				}
			}
			for (JsonNode option : field.path("values")) {
				if (option.isObject() && option.path("value").isTextual()) {
					replace((ObjectNode) option, "label", prefix + "option." + option.get("value").asText(), language);
				}
			}
			if (field.path("components").isArray()) {
				form(formId, field, language);
			}
		}
	}

	private boolean replace(ObjectNode node, String field, String code, Locale language, Object... arguments) {
		String text = this.catalogues.text(language, code);
		if (text == null) {
			return false;
		}
		node.put(field, arguments.length == 0 ? text.replace("''", "'") : new MessageFormat(text, language).format(arguments));
		return true;
	}

	private String text(Locale language, String code) {
		String text = this.catalogues.text(language, code);
		return text == null ? null : text.replace("''", "'");
	}

	/** The process a task or activity belongs to: its definition key, or the key its definition id starts with. */
	private static String processKey(JsonNode node) {
		String key = node.path("processDefinitionKey").asText(null);
		return key != null ? key : keyOfDefinition(node.path("processDefinitionId").asText(""));
	}

	/** A definition id is {@code key:version:uuid} (the engine uses a bare uuid only for over-long keys). */
	private static String keyOfDefinition(String definitionId) {
		int colon = definitionId.indexOf(':');
		return colon > 0 ? definitionId.substring(0, colon) : null;
	}
}
