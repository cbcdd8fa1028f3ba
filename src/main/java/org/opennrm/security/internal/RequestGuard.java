package org.opennrm.security.internal;

import java.io.IOException;
import java.util.Iterator;
import java.util.Locale;
import java.util.Map;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Checks every request before it reaches our API or the engine's REST resources.
 * <ul>
 * <li>Bodies are capped ({@code nrm.security.max-body-bytes}): a longer one gets 413 before anything parses it
 * (Jackson number-length DoS, notice 156). Form posts and uploads are capped by the container instead.</li>
 * <li>On the engine's REST resources ({@code /engine-rest/**} and the webapps' {@code /camunda/api/engine/**}) a
 * query may carry no expression: no parameter or JSON field named {@code …Expression} and no value containing
 * {@code ${} or {@code #{}, at any depth, so also not inside {@code orQueries} or a filter's stored query. The
 * engine's own switch ({@code enableExpressionsInAdhocQueries=false}) misses {@code orQueries} in 7.24.0 (see
 * SECURITY-BASELINE.md), and this is the compensating control.</li>
 * <li>On the same resources a JSON body that cannot be read is refused rather than passed on: what this guard cannot
 * read it cannot check, and the engine's own parser must never see a body this guard has not checked.</li>
 * <li>On the same resources no variable may be of type {@code Object} or {@code Xml}. The engine refuses Java
 * serialization only with a 500, stores a JSON object of any class (the allow-list applies when it is read back, so one
 * such variable breaks every later step of the case), and has no XML format installed. Forms submit {@code Json} and
 * plain values; objects are written by our own code only.</li>
 * </ul>
 * Refusals are problem responses that do not echo what was sent.
 */
class RequestGuard extends OncePerRequestFilter {

	private static final String EXPRESSION_REFUSED = "problem.engine.expression";

	private static final String UNREADABLE = "problem.json.malformed";

	private static final String OBJECT_VARIABLE_REFUSED = "problem.engine.objectVariable";

	private final ObjectMapper objectMapper;

	private final ProblemResponses problems;

	private final int maxBodyBytes;

	RequestGuard(ObjectMapper objectMapper, ProblemResponses problems, int maxBodyBytes) {
		this.objectMapper = objectMapper;
		this.problems = problems;
		this.maxBodyBytes = maxBodyBytes;
	}

	@Override
	protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
			throws ServletException, IOException {
		HttpServletRequest checked = request;
		if (hasBodyWeRead(request)) {
			CachedBodyRequest cached = CachedBodyRequest.read(request, this.maxBodyBytes);
			if (cached == null) {
				this.problems.write(request, response, HttpStatus.PAYLOAD_TOO_LARGE, "problem.bodyTooLong",
						this.maxBodyBytes);
				return;
			}
			checked = cached;
		}
		if (reachesEngine(request)) {
			String refusal = refusal(checked);
			if (refusal != null) {
				this.problems.write(request, response, HttpStatus.BAD_REQUEST, refusal);
				return;
			}
		}
		chain.doFilter(checked, response);
	}

	/** Why a request to the engine is refused, or {@code null}. */
	private String refusal(HttpServletRequest request) {
		for (Map.Entry<String, String[]> parameter : request.getParameterMap().entrySet()) {
			if (isExpressionName(parameter.getKey())) {
				return EXPRESSION_REFUSED;
			}
			for (String value : parameter.getValue()) {
				if (isExpressionValue(value)) {
					return EXPRESSION_REFUSED;
				}
			}
		}
		if (request instanceof CachedBodyRequest cached && isJson(request)) {
			JsonNode body;
			try {
				body = this.objectMapper.readTree(cached.body());
			}
			catch (IOException ex) {
				return UNREADABLE;
			}
			if (carriesExpression(body)) {
				return EXPRESSION_REFUSED;
			}
			if (carriesObjectVariable(body)) {
				return OBJECT_VARIABLE_REFUSED;
			}
		}
		return null;
	}

	/**
	 * Whether the request is for the engine's REST resources, directly or through the webapps: decided by the servlet
	 * the container mapped it to, so no spelling of the URL (percent-encoding included) can route around it.
	 */
	static boolean reachesEngine(HttpServletRequest request) {
		return EngineApi.ofServletPath(request.getServletPath()).filter(EngineApi::servesEngineResources).isPresent();
	}

	private static boolean hasBodyWeRead(HttpServletRequest request) {
		boolean hasBody = request.getContentLengthLong() > 0 || request.getHeader("Transfer-Encoding") != null;
		String type = request.getContentType() == null ? "" : request.getContentType().toLowerCase(Locale.ROOT);
		return hasBody && !type.startsWith(MediaType.APPLICATION_FORM_URLENCODED_VALUE)
				&& !type.startsWith("multipart/");
	}

	private static boolean carriesExpression(JsonNode node) {
		if (node == null) {
			return false;
		}
		if (node.isTextual()) {
			return isExpressionValue(node.textValue());
		}
		if (node.isObject()) {
			Iterator<Map.Entry<String, JsonNode>> fields = node.fields();
			while (fields.hasNext()) {
				Map.Entry<String, JsonNode> field = fields.next();
				if (isExpressionName(field.getKey()) || carriesExpression(field.getValue())) {
					return true;
				}
			}
			return false;
		}
		for (JsonNode element : node) {
			if (carriesExpression(element)) {
				return true;
			}
		}
		return false;
	}

	/** Whether the body holds, at any depth, a variable value ({@code "value"} and {@code "type"}) of type Object or Xml. */
	static boolean carriesObjectVariable(JsonNode node) {
		if (node == null) {
			return false;
		}
		if (node.isObject()) {
			JsonNode type = node.get("type");
			if (type != null && type.isTextual() && node.has("value")
					&& (type.textValue().equalsIgnoreCase("object") || type.textValue().equalsIgnoreCase("xml"))) {
				return true;
			}
		}
		for (JsonNode child : node) {
			if (carriesObjectVariable(child)) {
				return true;
			}
		}
		return false;
	}

	private static boolean isJson(HttpServletRequest request) {
		String type = request.getContentType();
		return type == null || type.toLowerCase(Locale.ROOT).contains("json");
	}

	static boolean isExpressionName(String name) {
		return name.toLowerCase(Locale.ROOT).endsWith("expression");
	}

	static boolean isExpressionValue(String value) {
		return value != null && (value.contains("${") || value.contains("#{"));
	}
}
