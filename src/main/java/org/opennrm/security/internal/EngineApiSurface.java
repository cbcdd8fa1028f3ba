package org.opennrm.security.internal;

import java.io.IOException;
import java.io.InputStream;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.dataformat.yaml.YAMLMapper;
import org.opennrm.security.Role;
import org.springframework.core.io.Resource;

/**
 * Which operations of the engine's HTTP APIs each role may call ({@code config/engine-api.yml}, ADR 20). Deny by
 * default: an operation that no surface of the caller's roles names is closed, whatever the URL that reached it. The
 * file is checked as it is read: an unknown API, method, surface or role stops the start.
 *
 * @param surfaces by name, the operations each surface opens
 * @param roles by role (engine group, or {@code anonymous} before signing in), the surfaces it has
 */
record EngineApiSurface(Map<String, List<Operation>> surfaces, Map<String, Set<String>> roles) {

	/** The role of a caller who has not signed in. */
	static final String ANONYMOUS = "anonymous";

	/** GET, OPTIONS, and the POST queries of the engine's resources (their Java methods are named {@code query…}). */
	static final String READ = "READ";

	static final Set<String> METHODS = Set.of("GET", "POST", "PUT", "DELETE", "OPTIONS", READ);

	private static final Pattern LINE = Pattern.compile("^(\\S+)\\s+(\\S+)\\s+(/\\S*)$");

	/**
	 * One operation, or a family of them, on one API.
	 *
	 * @param api which API
	 * @param method the HTTP method, or {@link #READ}
	 * @param path the resource's template with parameter names left out ({@code /task/{}/claim}); {@code {}} also
	 * stands for a literal segment, and a trailing {@code /**} covers everything below
	 */
	record Operation(EngineApi api, String method, String path) {

		boolean covers(EngineApi calledApi, String calledMethod, boolean query, String calledPath) {
			return this.api == calledApi && coversMethod(calledMethod, query) && coversPath(calledPath);
		}

		/** Segment by segment: {@code {}} stands for any one segment, a final {@code **} for any number. */
		private boolean coversPath(String calledPath) {
			String[] pattern = segments(this.path);
			String[] called = segments(calledPath);
			for (int i = 0; i < pattern.length; i++) {
				if (pattern[i].equals("**") && i == pattern.length - 1) {
					return true;
				}
				if (i >= called.length || !pattern[i].equals("{}") && !pattern[i].equals(called[i])) {
					return false;
				}
			}
			return pattern.length == called.length;
		}

		private static String[] segments(String path) {
			return path.equals("/") ? new String[0] : path.substring(1).split("/");
		}

		private boolean coversMethod(String calledMethod, boolean query) {
			if (this.method.equals(READ)) {
				return calledMethod.equals("GET") || calledMethod.equals("OPTIONS")
						|| calledMethod.equals("POST") && query;
			}
			return this.method.equals(calledMethod);
		}

		@Override
		public String toString() {
			return this.api.id() + " " + this.method + " " + this.path;
		}
	}

	/**
	 * Whether a caller with these groups may call the operation Jersey resolved.
	 *
	 * @param api the API it came in through
	 * @param method the HTTP method ({@code HEAD} counts as {@code GET})
	 * @param query whether the resource method is a query (its Java name starts with {@code query})
	 * @param path the operation's template, parameter names left out
	 * @param groups the caller's groups
	 * @param signedIn whether the caller has signed in; everyone has the surfaces of {@code anonymous} as well
	 */
	boolean allows(EngineApi api, String method, boolean query, String path, Set<String> groups, boolean signedIn) {
		String calledMethod = method.equals("HEAD") ? "GET" : method;
		List<String> callerRoles = new ArrayList<>();
		callerRoles.add(ANONYMOUS);
		if (signedIn) {
			callerRoles.addAll(groups);
		}
		for (String role : callerRoles) {
			for (String surface : this.roles.getOrDefault(role, Set.of())) {
				for (Operation operation : this.surfaces.get(surface)) {
					if (operation.covers(api, calledMethod, query, path)) {
						return true;
					}
				}
			}
		}
		return false;
	}

	/** A template with its parameter names left out: {@code /task/{id}/claim} becomes {@code /task/{}/claim}. */
	static String normalise(String template) {
		String path = template.replaceAll("\\{[^}]*}", "{}").replaceAll("/+", "/");
		if (path.length() > 1 && path.endsWith("/")) {
			path = path.substring(0, path.length() - 1);
		}
		return path.isEmpty() ? "/" : path;
	}

	static EngineApiSurface read(Resource resource) throws IOException {
		YAMLMapper yaml = YAMLMapper.builder().enable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES).build();
		try (InputStream in = resource.getInputStream()) {
			return yaml.readValue(in, File.class).checked(resource.getDescription());
		}
	}

	/** The file as written. */
	record File(Map<String, List<String>> surfaces, Map<String, List<String>> roles) {

		EngineApiSurface checked(String where) {
			List<String> problems = new ArrayList<>();
			Map<String, List<Operation>> operations = new LinkedHashMap<>();
			(this.surfaces == null ? Map.<String, List<String>>of() : this.surfaces).forEach((name, lines) -> {
				List<Operation> parsed = new ArrayList<>();
				for (String line : lines == null ? List.<String>of() : lines) {
					Matcher matcher = LINE.matcher(line.strip());
					if (!matcher.matches()) {
						problems.add("surface " + name + ": '" + line + "' is not '<api> <method> <path>'");
						continue;
					}
					String method = matcher.group(2).toUpperCase(Locale.ROOT);
					if (!METHODS.contains(method)) {
						problems.add("surface " + name + ": unknown method " + matcher.group(2));
						continue;
					}
					for (String apiId : matcher.group(1).split(",")) {
						EngineApi api = EngineApi.ofId(apiId).orElse(null);
						if (api == null) {
							problems.add("surface " + name + ": unknown API " + apiId);
							continue;
						}
						parsed.add(new Operation(api, method, normalise(matcher.group(3))));
					}
				}
				operations.put(name, List.copyOf(parsed));
			});
			Map<String, Set<String>> byRole = new LinkedHashMap<>();
			(this.roles == null ? Map.<String, List<String>>of() : this.roles).forEach((role, names) -> {
				if (!role.equals(ANONYMOUS) && Role.ofGroup(role).isEmpty()) {
					problems.add("unknown role " + role);
				}
				Set<String> surfacesOfRole = new TreeSet<>(names == null ? List.of() : names);
				surfacesOfRole.stream()
					.filter(name -> !operations.containsKey(name))
					.forEach(name -> problems.add("role " + role + ": unknown surface " + name));
				byRole.put(role, Set.copyOf(surfacesOfRole));
			});
			if (!problems.isEmpty()) {
				throw new IllegalStateException("The engine API surface " + where + " is not valid: " + problems);
			}
			return new EngineApiSurface(Map.copyOf(operations), Map.copyOf(byRole));
		}
	}
}
