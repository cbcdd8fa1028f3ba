package testprovider;

import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.interfaces.RSAPrivateKey;
import java.security.interfaces.RSAPublicKey;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.function.IntSupplier;

import com.nimbusds.jose.jwk.JWKSet;
import com.nimbusds.jose.jwk.RSAKey;
import com.nimbusds.jose.jwk.source.ImmutableJWKSet;
import com.nimbusds.jose.jwk.source.JWKSource;
import com.nimbusds.jose.proc.SecurityContext;
import org.springframework.boot.WebApplicationType;
import org.springframework.boot.autoconfigure.ImportAutoConfiguration;
import org.springframework.boot.autoconfigure.context.PropertyPlaceholderAutoConfiguration;
import org.springframework.boot.autoconfigure.http.HttpMessageConvertersAutoConfiguration;
import org.springframework.boot.autoconfigure.jackson.JacksonAutoConfiguration;
import org.springframework.boot.autoconfigure.web.servlet.DispatcherServletAutoConfiguration;
import org.springframework.boot.autoconfigure.web.servlet.ServletWebServerFactoryAutoConfiguration;
import org.springframework.boot.autoconfigure.web.servlet.WebMvcAutoConfiguration;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.annotation.Order;
import org.springframework.http.MediaType;
import org.springframework.security.config.Customizer;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.annotation.web.configuration.EnableWebSecurity;
import org.springframework.security.core.GrantedAuthority;
import org.springframework.security.core.userdetails.User;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.security.oauth2.core.AuthorizationGrantType;
import org.springframework.security.oauth2.core.ClientAuthenticationMethod;
import org.springframework.security.oauth2.core.oidc.OidcScopes;
import org.springframework.security.oauth2.server.authorization.InMemoryOAuth2AuthorizationService;
import org.springframework.security.oauth2.server.authorization.OAuth2AuthorizationService;
import org.springframework.security.oauth2.server.authorization.OAuth2TokenType;
import org.springframework.security.oauth2.server.authorization.client.RegisteredClient;
import org.springframework.security.oauth2.server.authorization.client.RegisteredClientRepository;
import org.springframework.security.oauth2.server.authorization.config.annotation.web.configurers.OAuth2AuthorizationServerConfigurer;
import org.springframework.security.oauth2.server.authorization.settings.AuthorizationServerSettings;
import org.springframework.security.oauth2.server.authorization.settings.ClientSettings;
import org.springframework.security.oauth2.server.authorization.settings.TokenSettings;
import org.springframework.security.oauth2.server.authorization.token.JwtEncodingContext;
import org.springframework.security.oauth2.server.authorization.token.OAuth2TokenCustomizer;
import org.springframework.security.provisioning.InMemoryUserDetailsManager;
import org.springframework.security.web.SecurityFilterChain;
import org.springframework.security.web.authentication.LoginUrlAuthenticationEntryPoint;
import org.springframework.security.web.util.matcher.MediaTypeRequestMatcher;

/**
 * A real OpenID Connect provider for the tests (ADR 21): Spring Authorization Server, started in this JVM on a port of
 * its own at 127.0.0.1, with a login form, discovery, JWKs, authorization code and refresh tokens, introspection,
 * revocation and RP-initiated logout. Not a mock of the protocol: the service talks to it over HTTP as it would to
 * Keycloak.
 * <ul>
 * <li>Users (password {@value #PASSWORD}) with their groups in a {@code groups} claim and their name in
 * {@code preferred_username}, one per role: {@code ana.police} (police, and a group the service does not map),
 * {@code bo.ngo}, {@code di.social}, {@code he.health}, {@code au.authority}, {@code gu.guardian},
 * {@code co.coordinator}, {@code sam.supervisor}, {@code at.auditor}, {@code cy.admin}.</li>
 * <li>{@code opennrm}: the service's own client (sign-in; introspection).</li>
 * <li>{@code opennrm-cli}: an API client whose access tokens are for the audience {@code opennrm-api}, with the
 * service's scopes; {@code other-cli}: the same for another audience; {@code short-cli}: tokens that live 2 seconds.</li>
 * </ul>
 * Not part of the service: it lives outside {@code org.opennrm}, which the service scans, and runs without the service's
 * configuration files.
 */
@Configuration(proxyBeanMethods = false)
@EnableWebSecurity
@ImportAutoConfiguration({ PropertyPlaceholderAutoConfiguration.class, ServletWebServerFactoryAutoConfiguration.class,
		DispatcherServletAutoConfiguration.class, WebMvcAutoConfiguration.class, HttpMessageConvertersAutoConfiguration.class,
		JacksonAutoConfiguration.class })
public class TestIdentityProvider {

	public static final String PASSWORD = "Provider-Pass-2026!";

	public static final String WEB_SECRET = "web-secret-for-tests";

	public static final String CLI_SECRET = "cli-secret-for-tests";

	public static final String CLI_REDIRECT = "http://127.0.0.1/cli-callback";

	public static final List<String> SCOPES = List.of("opennrm-cases", "opennrm-tasks", "opennrm-oversight",
			"opennrm-audit", "opennrm-statistics", "opennrm-administration");

	private static final Map<String, List<String>> USERS = Map.ofEntries(
			Map.entry("ana.police", List.of("police", "unmapped-group")), Map.entry("bo.ngo", List.of("ngo")),
			Map.entry("di.social", List.of("social")), Map.entry("he.health", List.of("health")),
			Map.entry("au.authority", List.of("authority")), Map.entry("gu.guardian", List.of("guardian")),
			Map.entry("co.coordinator", List.of("coordinator")), Map.entry("sam.supervisor", List.of("supervisor")),
			Map.entry("at.auditor", List.of("auditor")), Map.entry("cy.admin", List.of("camunda-admin")));

	/** The service's port, known only after the service started: its redirect URIs are read when asked for. */
	private static volatile IntSupplier servicePort = () -> 0;

	private static ConfigurableApplicationContext running;

	/** Starts the provider once per JVM; returns its issuer. */
	public static synchronized String start() {
		if (running == null) {
			running = new SpringApplicationBuilder(TestIdentityProvider.class).web(WebApplicationType.SERVLET)
				.run("--server.port=0", "--server.address=127.0.0.1", "--spring.config.name=test-identity-provider",
						"--server.servlet.session.cookie.name=PROVIDERSESSION", "--spring.main.banner-mode=off",
						"--logging.level.root=WARN");
		}
		return issuer();
	}

	public static String issuer() {
		return "http://127.0.0.1:" + running.getEnvironment().getProperty("local.server.port");
	}

	public static void servicePort(IntSupplier port) {
		servicePort = port;
	}

	@Bean
	@Order(1)
	SecurityFilterChain authorizationServer(HttpSecurity http) throws Exception {
		OAuth2AuthorizationServerConfigurer server = OAuth2AuthorizationServerConfigurer.authorizationServer();
		http.securityMatcher(server.getEndpointsMatcher())
			.with(server, configurer -> configurer.oidc(Customizer.withDefaults()))
			.authorizeHttpRequests(requests -> requests.anyRequest().authenticated())
			.exceptionHandling(exceptions -> exceptions.defaultAuthenticationEntryPointFor(
					new LoginUrlAuthenticationEntryPoint("/login"), new MediaTypeRequestMatcher(MediaType.TEXT_HTML)));
		return http.build();
	}

	@Bean
	@Order(2)
	SecurityFilterChain signIn(HttpSecurity http) throws Exception {
		return http.authorizeHttpRequests(requests -> requests.anyRequest().authenticated())
			.formLogin(Customizer.withDefaults())
			.build();
	}

	@Bean
	UserDetailsService users() {
		InMemoryUserDetailsManager users = new InMemoryUserDetailsManager();
		USERS.forEach((name, groups) -> users.createUser(User.withUsername(name)
			.password("{noop}" + PASSWORD)
			.authorities(groups.stream().map(group -> "GROUP_" + group).toArray(String[]::new))
			.build()));
		return users;
	}

	@Bean
	RegisteredClientRepository clients() {
		RegisteredClient cli = apiClient("opennrm-cli", Duration.ofMinutes(5));
		RegisteredClient other = apiClient("other-cli", Duration.ofMinutes(5));
		RegisteredClient shortLived = apiClient("short-cli", Duration.ofSeconds(2));
		return new RegisteredClientRepository() {

			@Override
			public void save(RegisteredClient registeredClient) {
				// The server re-saves a client after checking its secret (to re-encode it); these clients are fixed.
			}

			@Override
			public RegisteredClient findById(String id) {
				return findByClientId(id);
			}

			@Override
			public RegisteredClient findByClientId(String clientId) {
				return switch (clientId) {
					case "opennrm" -> web();
					case "opennrm-cli" -> cli;
					case "other-cli" -> other;
					case "short-cli" -> shortLived;
					default -> null;
				};
			}
		};
	}

	/** The service's client: its redirect URIs name the service's port, known once it runs. */
	private static RegisteredClient web() {
		String service = "http://127.0.0.1:" + servicePort.getAsInt();
		return RegisteredClient.withId("opennrm")
			.clientId("opennrm")
			.clientSecret("{noop}" + WEB_SECRET)
			.clientAuthenticationMethod(ClientAuthenticationMethod.CLIENT_SECRET_BASIC)
			.authorizationGrantType(AuthorizationGrantType.AUTHORIZATION_CODE)
			.authorizationGrantType(AuthorizationGrantType.REFRESH_TOKEN)
			.redirectUri(service + "/login/oauth2/code/test-provider")
			.postLogoutRedirectUri(service + "/login?signedOut")
			.scope(OidcScopes.OPENID)
			.scope(OidcScopes.PROFILE)
			.clientSettings(ClientSettings.builder().requireAuthorizationConsent(false).build())
			.build();
	}

	private static RegisteredClient apiClient(String clientId, Duration lifetime) {
		RegisteredClient.Builder client = RegisteredClient.withId(clientId)
			.clientId(clientId)
			.clientSecret("{noop}" + CLI_SECRET)
			.clientAuthenticationMethod(ClientAuthenticationMethod.CLIENT_SECRET_BASIC)
			.authorizationGrantType(AuthorizationGrantType.AUTHORIZATION_CODE)
			.redirectUri(CLI_REDIRECT)
			.clientSettings(ClientSettings.builder().requireAuthorizationConsent(false).build())
			.tokenSettings(TokenSettings.builder().accessTokenTimeToLive(lifetime).build());
		SCOPES.forEach(client::scope);
		return client.build();
	}

	/** Who the token is for, and which audience: the service's API ({@code opennrm-api}) or another. */
	@Bean
	OAuth2TokenCustomizer<JwtEncodingContext> claims() {
		return context -> {
			String name = context.getPrincipal().getName();
			List<String> groups = context.getPrincipal()
				.getAuthorities()
				.stream()
				.map(GrantedAuthority::getAuthority)
				.filter(authority -> authority.startsWith("GROUP_"))
				.map(authority -> authority.substring("GROUP_".length()))
				.toList();
			if (USERS.containsKey(name)) {
				context.getClaims().claim("preferred_username", name).claim("groups", groups);
			}
			if (OAuth2TokenType.ACCESS_TOKEN.equals(context.getTokenType())) {
				String client = context.getRegisteredClient().getClientId();
				if (Set.of("opennrm-cli", "short-cli").contains(client)) {
					context.getClaims().audience(List.of("opennrm-api"));
				}
				else if (client.equals("other-cli")) {
					context.getClaims().audience(List.of("other-api"));
				}
			}
		};
	}

	@Bean
	OAuth2AuthorizationService authorizations() {
		return new InMemoryOAuth2AuthorizationService();
	}

	@Bean
	JWKSource<SecurityContext> keys() throws Exception {
		KeyPairGenerator generator = KeyPairGenerator.getInstance("RSA");
		generator.initialize(2048);
		KeyPair pair = generator.generateKeyPair();
		RSAKey key = new RSAKey.Builder((RSAPublicKey) pair.getPublic()).privateKey((RSAPrivateKey) pair.getPrivate())
			.keyID(UUID.randomUUID().toString())
			.build();
		return new ImmutableJWKSet<>(new JWKSet(key));
	}

	/** The provider's own user-info endpoint reads its access tokens with its own keys. */
	@Bean
	org.springframework.security.oauth2.jwt.JwtDecoder jwtDecoder(JWKSource<SecurityContext> keys) {
		return org.springframework.security.oauth2.server.authorization.config.annotation.web.configuration.OAuth2AuthorizationServerConfiguration
			.jwtDecoder(keys);
	}

	@Bean
	AuthorizationServerSettings settings() {
		return AuthorizationServerSettings.builder().build();
	}
}
