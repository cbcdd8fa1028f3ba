package org.opennrm.test;

import java.net.URI;
import java.util.Map;
import java.util.function.Supplier;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.TestComponent;
import org.springframework.core.env.Environment;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpMethod;
import org.springframework.http.HttpStatusCode;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.http.client.JdkClientHttpRequestFactory;
import org.springframework.web.client.RestClient;

/**
 * Calls the running service over HTTP as a given user (HTTP Basic) or anonymously; never throws on an error status,
 * so tests assert on what a client would see.
 */
@TestComponent
public class Api {

	public static final String DEMO_PASSWORD = "Nrm-Demo-2026!";

	/** Where the service is, read at each call: the shared context's port is known only once it has started. */
	private final Supplier<String> base;

	private final ObjectMapper json = new ObjectMapper();

	@Autowired
	Api(Environment environment) {
		this(() -> "http://localhost:" + environment.getRequiredProperty("local.server.port"));
	}

	private Api(Supplier<String> base) {
		this.base = base;
	}

	/** Calls to a service started outside the shared test context ({@link ServiceRuns}). */
	public static Api on(Environment environment) {
		return new Api(environment);
	}

	/** Calls to a service at this address: a node in a process of its own, or a balancer in front of nodes. */
	public static Api at(String base) {
		return new Api(() -> base);
	}

	public Client as(String userId) {
		return as(userId, DEMO_PASSWORD);
	}

	public Client as(String userId, String password) {
		return new Client(userId, password);
	}

	public Client anonymous() {
		return new Client(null, null);
	}

	public URI uri(String path) {
		return URI.create(this.base.get() + path);
	}

	/** One caller. */
	public final class Client {

		private final RestClient rest;

		private final String authorization;

		Client(String userId, String password) {
			this.authorization = userId == null ? null : "Basic " + java.util.Base64.getEncoder()
				.encodeToString((userId + ":" + password).getBytes(java.nio.charset.StandardCharsets.UTF_8));
			RestClient.Builder builder = RestClient.builder()
				.requestFactory(new JdkClientHttpRequestFactory())
				.defaultStatusHandler(HttpStatusCode::isError, (request, response) -> {
				});
			if (userId != null) {
				builder.defaultHeaders(headers -> headers.setBasicAuth(userId, password));
			}
			this.rest = builder.build();
		}

		public Response get(String path) {
			return exchange(HttpMethod.GET, path, null, null);
		}

		/** With extra headers ({@code Accept-Language}). */
		public Response get(String path, Map<String, String> headers) {
			return exchange(HttpMethod.GET, path, null, null, headers);
		}

		public Response post(String path) {
			return exchange(HttpMethod.POST, path, null, null);
		}

		public Response post(String path, Object body) {
			return exchange(HttpMethod.POST, path, body, MediaType.APPLICATION_JSON);
		}

		/** A raw body, sent as it is (malformed JSON, wrong content types). */
		public Response postRaw(String path, String body, MediaType contentType) {
			return exchange(HttpMethod.POST, path, body, contentType);
		}

		/**
		 * A raw body with a content type written as it is, parameters and mistakes included: sent by the JDK's own
		 * client, which, unlike Spring's, does not parse the header first.
		 */
		public Response postRaw(String path, String body, String contentType) {
			java.net.http.HttpRequest.Builder request = java.net.http.HttpRequest.newBuilder(uri(path))
				.POST(java.net.http.HttpRequest.BodyPublishers.ofString(body))
				.header("Content-Type", contentType);
			if (this.authorization != null) {
				request.header("Authorization", this.authorization);
			}
			try {
				java.net.http.HttpResponse<String> response = java.net.http.HttpClient.newHttpClient()
					.send(request.build(), java.net.http.HttpResponse.BodyHandlers.ofString());
				HttpHeaders headers = new HttpHeaders();
				response.headers().map().forEach(headers::addAll);
				return new Response(response.statusCode(), headers, response.body());
			}
			catch (java.io.IOException ex) {
				throw new IllegalStateException(ex);
			}
			catch (InterruptedException ex) {
				Thread.currentThread().interrupt();
				throw new IllegalStateException(ex);
			}
		}

		public Response put(String path, Object body) {
			return exchange(HttpMethod.PUT, path, body, MediaType.APPLICATION_JSON);
		}

		/** A JSON body with extra headers ({@code If-Match}). */
		public Response put(String path, Object body, Map<String, String> headers) {
			return exchange(HttpMethod.PUT, path, body, MediaType.APPLICATION_JSON, headers);
		}

		public Response delete(String path) {
			return exchange(HttpMethod.DELETE, path, null, null);
		}

		private Response exchange(HttpMethod method, String path, Object body, MediaType contentType) {
			return exchange(method, path, body, contentType, Map.of());
		}

		private Response exchange(HttpMethod method, String path, Object body, MediaType contentType,
				Map<String, String> headers) {
			RestClient.RequestBodySpec request = this.rest.method(method).uri(uri(path));
			headers.forEach(request::header);
			if (body != null) {
				request.contentType(contentType);
				request.body(body instanceof String text ? text : writeJson(body));
			}
			ResponseEntity<String> response = request.retrieve().toEntity(String.class);
			return new Response(response.getStatusCode().value(), response.getHeaders(), response.getBody());
		}

		private String writeJson(Object body) {
			try {
				return Api.this.json.writeValueAsString(body);
			}
			catch (Exception ex) {
				throw new IllegalStateException(ex);
			}
		}
	}

	/** What came back. */
	public record Response(int status, HttpHeaders headers, String body) {

		public JsonNode json() {
			try {
				return new ObjectMapper().readTree(this.body == null ? "null" : this.body);
			}
			catch (Exception ex) {
				throw new AssertionError("Not JSON: " + this.body, ex);
			}
		}

		public String header(String name) {
			return this.headers.getFirst(name);
		}

		@Override
		public String toString() {
			return this.status + " " + this.body;
		}
	}

	public static Map<String, Object> body(Object... keyValues) {
		Map<String, Object> map = new java.util.LinkedHashMap<>();
		for (int i = 0; i < keyValues.length; i += 2) {
			map.put((String) keyValues[i], keyValues[i + 1]);
		}
		return map;
	}
}
