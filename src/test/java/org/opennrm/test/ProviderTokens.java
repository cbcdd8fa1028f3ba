package org.opennrm.test;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.net.CookieManager;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import com.fasterxml.jackson.databind.ObjectMapper;
import testprovider.TestIdentityProvider;

/** API clients of the tests' identity provider: tokens for its users as a client gets them, and their revocation. */
public final class ProviderTokens {

	private static final ObjectMapper JSON = new ObjectMapper();

	private static final Pattern CSRF = Pattern.compile("name=\"_csrf\" type=\"hidden\" value=\"([^\"]+)\"");

	private ProviderTokens() {
	}

	/** An API client's token for a user: the authorization code flow, the user signing in on the provider's page. */
	public static String token(String user, String clientId, String scope) {
		String issuer = TestIdentityProvider.issuer();
		HttpClient browser = HttpClient.newBuilder().cookieHandler(new CookieManager()).build();
		String authorize = issuer + "/oauth2/authorize?response_type=code&client_id=" + clientId + "&scope="
				+ encode(scope) + "&state=probe&redirect_uri=" + encode(TestIdentityProvider.CLI_REDIRECT);
		send(browser, HttpRequest.newBuilder(URI.create(authorize)).GET().build());
		Api.Response login = send(browser, HttpRequest.newBuilder(URI.create(issuer + "/login")).GET().build());
		Matcher csrf = CSRF.matcher(login.body());
		assertThat(csrf.find()).as("the provider's sign-in form").isTrue();
		Api.Response signedIn = send(browser, form(issuer + "/login", "username=" + encode(user) + "&password="
				+ encode(TestIdentityProvider.PASSWORD) + "&_csrf=" + encode(csrf.group(1))));
		Api.Response back = send(browser,
				HttpRequest.newBuilder(URI.create(absolute(issuer, signedIn.header("Location")))).GET().build());
		String location = back.header("Location");
		assertThat(location).as("the provider's answer to %s", user).startsWith(TestIdentityProvider.CLI_REDIRECT);
		Matcher code = Pattern.compile("[?&]code=([^&]+)").matcher(location);
		assertThat(code.find()).isTrue();
		Api.Response tokens = send(browser, HttpRequest.newBuilder(URI.create(issuer + "/oauth2/token"))
			.header("Authorization", basic(clientId))
			.header("Content-Type", "application/x-www-form-urlencoded")
			.POST(HttpRequest.BodyPublishers.ofString("grant_type=authorization_code&code=" + code.group(1)
					+ "&redirect_uri=" + encode(TestIdentityProvider.CLI_REDIRECT)))
			.build());
		try {
			return JSON.readTree(tokens.body()).path("access_token").asText();
		}
		catch (IOException ex) {
			throw new AssertionError("No tokens: " + tokens, ex);
		}
	}

	public static void revoke(String token, String clientId) {
		Api.Response revoked = send(HttpClient.newHttpClient(),
				HttpRequest.newBuilder(URI.create(TestIdentityProvider.issuer() + "/oauth2/revoke"))
					.header("Authorization", basic(clientId))
					.header("Content-Type", "application/x-www-form-urlencoded")
					.POST(HttpRequest.BodyPublishers.ofString("token=" + token + "&token_type_hint=access_token"))
					.build());
		assertThat(revoked.status()).isEqualTo(200);
	}

	private static String basic(String clientId) {
		return "Basic " + Base64.getEncoder()
			.encodeToString((clientId + ":" + TestIdentityProvider.CLI_SECRET).getBytes(StandardCharsets.UTF_8));
	}

	private static HttpRequest form(String uri, String body) {
		return HttpRequest.newBuilder(URI.create(uri))
			.header("Content-Type", "application/x-www-form-urlencoded")
			.POST(HttpRequest.BodyPublishers.ofString(body))
			.build();
	}

	private static String absolute(String issuer, String location) {
		return location.startsWith("http") ? location : issuer + location;
	}

	public static Api.Response send(HttpClient client, HttpRequest request) {
		try {
			HttpResponse<String> response = client.send(request, HttpResponse.BodyHandlers.ofString());
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

	private static String encode(String value) {
		return URLEncoder.encode(value, StandardCharsets.UTF_8);
	}
}
