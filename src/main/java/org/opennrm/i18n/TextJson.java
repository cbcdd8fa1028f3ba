package org.opennrm.i18n;

import java.util.ArrayList;
import java.util.List;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

/**
 * A {@link Text} kept for later, as JSON: what a notification or another stored record will say, in whatever language
 * its reader uses when they read it. Arguments are strings, numbers, booleans and other texts.
 */
public final class TextJson {

	private static final ObjectMapper JSON = new ObjectMapper();

	private TextJson() {
	}

	public static String write(Text text) {
		try {
			return JSON.writeValueAsString(node(text));
		}
		catch (JsonProcessingException ex) {
			throw new IllegalStateException("Cannot write a text", ex);
		}
	}

	/** @throws IllegalArgumentException for JSON that is not a text */
	public static Text read(String json) {
		try {
			return text(JSON.readTree(json));
		}
		catch (JsonProcessingException ex) {
			throw new IllegalArgumentException("Not a stored text", ex);
		}
	}

	private static ObjectNode node(Text text) {
		ObjectNode node = JSON.createObjectNode();
		if (text.items() != null) {
			ArrayNode items = node.putArray("list");
			text.items().forEach(item -> items.add(node(item)));
		}
		else if (text.modelName() != null) {
			node.put("modelName", text.modelName());
		}
		else if (text.code() == null) {
			node.put("said", text.getDefaultMessage());
		}
		else {
			node.put("code", text.code());
			if (text.getDefaultMessage() != null) {
				node.put("otherwise", text.getDefaultMessage());
			}
			ArrayNode arguments = node.putArray("arguments");
			for (Object argument : text.arguments()) {
				if (argument instanceof Text nested) {
					arguments.add(node(nested));
				}
				else if (argument instanceof Number || argument instanceof Boolean) {
					arguments.addPOJO(argument);
				}
				else {
					arguments.add(String.valueOf(argument));
				}
			}
		}
		return node;
	}

	private static Text text(JsonNode node) {
		if (node.has("list")) {
			List<Text> items = new ArrayList<>();
			node.get("list").forEach(item -> items.add(text(item)));
			return Text.list(items);
		}
		if (node.has("modelName")) {
			return Text.modelName(node.get("modelName").asText());
		}
		if (node.has("said")) {
			return Text.said(node.get("said").asText());
		}
		if (!node.path("code").isTextual()) {
			throw new IllegalArgumentException("A stored text has no code");
		}
		if (node.has("otherwise")) {
			return Text.orElse(node.get("code").asText(), node.get("otherwise").asText());
		}
		List<Object> arguments = new ArrayList<>();
		for (JsonNode argument : node.path("arguments")) {
			if (argument.isObject()) {
				arguments.add(text(argument));
			}
			else if (argument.isIntegralNumber()) {
				arguments.add(argument.longValue());
			}
			else if (argument.isNumber()) {
				arguments.add(argument.decimalValue());
			}
			else if (argument.isBoolean()) {
				arguments.add(argument.booleanValue());
			}
			else {
				arguments.add(argument.asText());
			}
		}
		return Text.of(node.get("code").asText(), arguments.toArray());
	}
}
