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
 * A browser-like session with the Camunda webapps: it signs in through the service's sign-in page (ADR 21: the
 * password, then a one-time code from the tests' authenticator app where the user has or needs a second factor, whose
 * enrolment it completes on first sign-in), opens the app, and then calls the API that Tasklist and Cockpit call,
 * {@code /camunda/api/engine/**}, with the session cookie and the webapps' CSRF token, as the pages do.
 */
public final class WebappSession {

	/** What the webapps send as Accept by default. */
	private static final String ACCEPT = "application/json, text/plain, */*";

	private final Api api;

	private final CookieManager cookies = new CookieManager();

	private String landing;

	private final HttpClient client;

	private final java.util.List<String> setCookieHeaders = java.util.Collections.synchronizedList(new java.util.ArrayList<>());

	private WebappSession(Api api) {
		this.api = api;
		this.client = HttpClient.newBuilder().cookieHandler(this.cookies).build();
	}

	/** A visitor who has opened nothing yet. */
	public static WebappSession blank(Api api) {
		return new WebappSession(api);
	}

	/** A visitor who opened a webapp's page but has not signed in: a session and its CSRF token, no user. */
	public static WebappSession anonymous(Api api) {
		WebappSession session = new WebappSession(api);
		session.send("GET", "/camunda/app/welcome/default/", null, null);
		session.send("GET", "/camunda/api/admin/auth/user/default", null, null);
		return session;
	}

	/** Sessions of users with a second factor, kept: a second sign-in within 30 seconds would wait for a new code. */
	private static final java.util.Map<String, WebappSession> WITH_SECOND_FACTOR = new java.util.concurrent.ConcurrentHashMap<>();

	private static final java.util.regex.Pattern CSRF = java.util.regex.Pattern
		.compile("name=\"_csrf\" value=\"([^\"]+)\"");

	/**
	 * Signs in to one webapp ({@code tasklist}, {@code cockpit}, {@code admin}, {@code welcome}); fails as the webapps'
	 * login did if the password is wrong or the user may not open that app. A user with a second factor gets their
	 * session of before if it still works, as a person would stay signed in.
	 */
	public static WebappSession signIn(Api api, String app, String userId, String password) {
		String key = api.uri("/") + "|" + userId + "|" + password;
		WebappSession session = WITH_SECOND_FACTOR.get(key);
		Boolean open = session == null ? null : session.openness(app, userId);
		if (open == null) {
			session = new WebappSession(api);
			if (session.signInOnPage(userId, password)) {
				// Kept even if this app is closed to them: another app may be open, and a new sign-in waits for a code.
				WITH_SECOND_FACTOR.put(key, session);
			}
			open = session.openness(app, userId);
		}
		if (!Boolean.TRUE.equals(open)) {
			throw new IllegalStateException("Webapp login of " + userId + " failed: " + app + " is not open to them");
		}
		return session;
	}

	/** A new session, never one kept from before (for tests that end sessions). */
	public static WebappSession freshSignIn(Api api, String app, String userId, String password) {
		WebappSession session = new WebappSession(api);
		session.signInOnPage(userId, password);
		if (!session.opens(app, userId)) {
			throw new IllegalStateException("Webapp login of " + userId + " failed: " + app + " is not open to them");
		}
		return session;
	}

	/**
	 * Signs in on the sign-in page only (no webapp opened), for the service's pages. A user with a second factor gets
	 * their session of before if it is still signed in.
	 */
	public static WebappSession pages(Api api, String userId, String password) {
		String key = api.uri("/") + "|pages|" + userId + "|" + password;
		WebappSession kept = WITH_SECOND_FACTOR.get(key);
		if (kept != null && kept.get("/account").status() == 200) {
			return kept;
		}
		WebappSession session = new WebappSession(api);
		if (session.signInOnPage(userId, password)) {
			WITH_SECOND_FACTOR.put(key, session);
		}
		return session;
	}

	/** Where the sign-in sent the user (the page they came for, or their role's workspace). */
	public String landing() {
		return this.landing;
	}

	/**
	 * The sign-in page: the password, then a code (or the enrolment of the tests' authenticator app). Throws as the
	 * webapps' login did when the password is refused.
	 */
	boolean signInOnPage(String userId, String password) {
		Api.Response form = send("GET", "/login", null, null);
		Api.Response signedIn = send("POST", "/login", "username=" + encode(userId) + "&password=" + encode(password)
				+ "&_csrf=" + encode(csrf(form)), "application/x-www-form-urlencoded");
		String next = location(signedIn);
		if (signedIn.status() != 302 || next.contains("/login?error")) {
			throw new IllegalStateException("Webapp login of " + userId + " failed: " + signedIn.status() + " " + next);
		}
		if (next.endsWith("/login/enrol")) {
			Api.Response enrolment = send("GET", "/login/enrol", null, null);
			SecondFactorCodes.enrolFrom(this.api, userId, enrolment.body());
			Api.Response enrolled = send("POST", "/login/enrol", "code=" + SecondFactorCodes.next(this.api, userId)
					+ "&_csrf=" + encode(csrf(enrolment)), "application/x-www-form-urlencoded");
			if (enrolled.status() != 200 || !enrolled.body().contains("Your recovery codes")) {
				throw new IllegalStateException("Enrolment of " + userId + " failed: " + enrolled);
			}
			java.util.regex.Matcher continueTo = java.util.regex.Pattern.compile("href=\"([^\"]+)\">Continue").matcher(enrolled.body());
			this.landing = continueTo.find() ? continueTo.group(1) : null;
			return true;
		}
		if (next.endsWith("/login/code")) {
			if (!SecondFactorCodes.knows(this.api, userId)) {
				throw new IllegalStateException(userId + " has a second factor the tests do not know");
			}
			Api.Response page = send("GET", "/login/code", null, null);
			Api.Response coded = send("POST", "/login/code", "code=" + SecondFactorCodes.next(this.api, userId)
					+ "&_csrf=" + encode(csrf(page)), "application/x-www-form-urlencoded");
			if (coded.status() != 302 || location(coded).contains("/login/code")) {
				throw new IllegalStateException("Second factor of " + userId + " refused: " + coded.status() + " "
						+ location(coded));
			}
			this.landing = location(coded);
			return true;
		}
		this.landing = next;
		return false;
	}

	private boolean opens(String app, String userId) {
		return Boolean.TRUE.equals(openness(app, userId));
	}

	/**
	 * Opens the app as a browser does and asks the webapps who is signed in and which apps they may open: whether the
	 * app is open to the user, or null if this session no longer has them signed in.
	 */
	private Boolean openness(String app, String userId) {
		send("GET", "/camunda/app/" + app + "/default/", null, null);
		Api.Response me = send("GET", "/camunda/api/admin/auth/user/default", null, null);
		if (me.status() != 200 || !me.body().contains("\"userId\":\"" + userId + "\"")) {
			return null;
		}
		return app.equals("welcome") || me.body().contains("\"" + app + "\"");
	}

	/** The page's CSRF token (the service's pages, not the webapps'). */
	static String csrf(Api.Response page) {
		java.util.regex.Matcher token = CSRF.matcher(page.body() == null ? "" : page.body());
		if (!token.find()) {
			throw new IllegalStateException("No CSRF token on the page: " + page.status());
		}
		return token.group(1);
	}

	private static String location(Api.Response response) {
		String location = response.header("Location");
		return location == null ? "" : location;
	}

	public Api.Response get(String path) {
		return send("GET", path, null, null);
	}

	public Api.Response post(String path, String json) {
		return send("POST", path, json, "application/json");
	}

	/** A JSON body, accepting HAL first as Tasklist does for its lists (tasks with their variables embedded). */
	public Api.Response postForHal(String path, String json) {
		return send("POST", path, json, "application/json", "application/hal+json, " + ACCEPT);
	}

	/** A raw body with its content type, sent as it is (multipart, odd types). */
	public Api.Response postRaw(String path, String body, String contentType) {
		return send("POST", path, body, contentType);
	}

	/**
	 * Sends a form as the service's pages do, with the session's CSRF token read from a page the user may open (any of
	 * the user's pages with a form carries it; the account page is everyone's).
	 */
	public Api.Response submit(String tokenFrom, String path, java.util.Map<String, String> fields) {
		StringBuilder form = new StringBuilder("_csrf=").append(encode(csrf(get(tokenFrom))));
		fields.forEach((name, value) -> form.append('&').append(encode(name)).append('=').append(encode(value)));
		return send("POST", path, form.toString(), "application/x-www-form-urlencoded");
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
		return send(method, path, body, contentType, ACCEPT);
	}

	private Api.Response send(String method, String path, String body, String contentType, String accept) {
		HttpRequest.Builder request = HttpRequest.newBuilder(this.api.uri(path))
			.method(method, body == null ? HttpRequest.BodyPublishers.noBody()
					: HttpRequest.BodyPublishers.ofString(body))
			.header("Accept", accept);
		if (contentType != null) {
			request.header("Content-Type", contentType);
		}
		String token = csrfToken();
		if (token != null && path.startsWith("/camunda/")) {
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
