package org.opennrm.test;

import java.io.IOException;
import java.net.CookieManager;
import java.net.HttpCookie;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

/**
 * A browser-like session with the Camunda webapps: it signs in through the webapps' own login (the same identity
 * store) and then calls the API that Tasklist and Cockpit call, {@code /camunda/api/engine/**}, with the session
 * cookie and the CSRF token, as the pages do.
 */
public final class WebappSession {

	private final Api api;

	private final CookieManager cookies = new CookieManager();

	private final HttpClient client;

	private final java.util.List<String> setCookieHeaders = java.util.Collections.synchronizedList(new java.util.ArrayList<>());

	private WebappSession(Api api) {
		this.api = api;
		this.client = HttpClient.newBuilder().cookieHandler(this.cookies).build();
	}

	/** A visitor who opened a webapp's page but has not signed in: a session and its CSRF token, no user. */
	public static WebappSession anonymous(Api api) {
		WebappSession session = new WebappSession(api);
		session.send("GET", "/camunda/app/welcome/default/", null, null);
		session.send("GET", "/camunda/api/admin/auth/user/default", null, null);
		return session;
	}

	/** Signs in to one webapp ({@code tasklist}, {@code cockpit}, {@code admin}). */
	public static WebappSession signIn(Api api, String app, String userId, String password) {
		WebappSession session = new WebappSession(api);
		session.send("GET", "/camunda/app/" + app + "/default/", null, null);
		Api.Response login = session.send("POST", "/camunda/api/admin/auth/user/default/login/" + app,
				"username=" + encode(userId) + "&password=" + encode(password), "application/x-www-form-urlencoded");
		if (login.status() != 200) {
			throw new IllegalStateException("Webapp login of " + userId + " failed: " + login);
		}
		// Signing in starts a new session; its CSRF token comes with the next read, as it does for the app itself.
		session.send("GET", "/camunda/api/admin/auth/user/default", null, null);
		return session;
	}

	public Api.Response get(String path) {
		return send("GET", path, null, null);
	}

	public Api.Response post(String path, String json) {
		return send("POST", path, json, "application/json");
	}

	/** A raw body with its content type, sent as it is (multipart, odd types). */
	public Api.Response postRaw(String path, String body, String contentType) {
		return send("POST", path, body, contentType);
	}

	public JsonNode getJson(String path) {
		Api.Response response = get(path);
		try {
			return new ObjectMapper().readTree(response.body());
		}
		catch (IOException ex) {
			throw new AssertionError("Not JSON from " + path + ": " + response, ex);
		}
	}

	/** Any request the pages could send, with the session's cookie and CSRF token; safe to call from several threads. */
	public Api.Response request(String method, String path, String body, String contentType) {
		return send(method, path, body, contentType);
	}

	private Api.Response send(String method, String path, String body, String contentType) {
		HttpRequest.Builder request = HttpRequest.newBuilder(this.api.uri(path))
			.method(method, body == null ? HttpRequest.BodyPublishers.noBody()
					: HttpRequest.BodyPublishers.ofString(body))
			.header("Accept", "application/json, text/plain, */*");
		if (contentType != null) {
			request.header("Content-Type", contentType);
		}
		String token = csrfToken();
		if (token != null) {
			request.header("X-XSRF-TOKEN", token);
		}
		try {
			HttpResponse<String> response = this.client.send(request.build(), HttpResponse.BodyHandlers.ofString());
			this.setCookieHeaders.addAll(response.headers().allValues("Set-Cookie"));
			org.springframework.http.HttpHeaders headers = new org.springframework.http.HttpHeaders();
			response.headers().map().forEach(headers::addAll);
			return new Api.Response(response.statusCode(), headers, response.body());
		}
		catch (IOException ex) {
			throw new IllegalStateException(ex);
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			throw new IllegalStateException(ex);
		}
	}

	private String csrfToken() {
		return this.cookies.getCookieStore()
			.getCookies()
			.stream()
			.filter(cookie -> cookie.getName().equals("XSRF-TOKEN"))
			.map(HttpCookie::getValue)
			.findFirst()
			.orElse(null);
	}

	private static String encode(String value) {
		return URLEncoder.encode(value, StandardCharsets.UTF_8);
	}

	/** Every {@code Set-Cookie} header the session received, as sent (with SameSite, which {@link HttpCookie} drops). */
	public java.util.List<String> setCookieHeaders() {
		return java.util.List.copyOf(this.setCookieHeaders);
	}

	/** For tests that want to see cookie flags. */
	public java.util.List<HttpCookie> cookies() {
		return this.cookies.getCookieStore().getCookies();
	}
}
