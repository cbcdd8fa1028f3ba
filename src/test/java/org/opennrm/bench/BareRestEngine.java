package org.opennrm.bench;

import java.io.IOException;
import java.net.URL;
import java.util.Collections;
import java.util.Enumeration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.identity.Group;
import org.camunda.bpm.engine.identity.User;
import org.camunda.bpm.engine.impl.cfg.AbstractProcessEnginePlugin;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.camunda.bpm.engine.impl.cfg.ProcessEnginePlugin;
import org.camunda.bpm.engine.rest.security.auth.ProcessEngineAuthenticationFilter;
import org.camunda.bpm.engine.rest.security.auth.impl.HttpBasicAuthenticationProvider;
import org.glassfish.jersey.internal.spi.ForcedAutoDiscoverable;
import org.opennrm.NrmApplication;
import org.opennrm.platform.UserIds;
import org.opennrm.test.Api;
import org.springframework.beans.factory.BeanClassLoaderAware;
import org.springframework.boot.WebApplicationType;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.ImportAutoConfiguration;
import org.springframework.boot.autoconfigure.jackson.JacksonAutoConfiguration;
import org.springframework.boot.autoconfigure.jdbc.DataSourceAutoConfiguration;
import org.springframework.boot.autoconfigure.jdbc.DataSourceTransactionManagerAutoConfiguration;
import org.springframework.boot.autoconfigure.jersey.JerseyAutoConfiguration;
import org.springframework.boot.autoconfigure.transaction.TransactionAutoConfiguration;
import org.springframework.boot.autoconfigure.web.servlet.ServletWebServerFactoryAutoConfiguration;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.context.annotation.ImportCandidates;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.DeferredImportSelector;
import org.springframework.context.annotation.Import;
import org.springframework.core.io.DefaultResourceLoader;
import org.springframework.core.type.AnnotationMetadata;

/**
 * The bare engine of {@link BareEngine} as a deployment runs it: behind Camunda's own REST API, in a Spring Boot
 * application of the Camunda starter with nothing of ours in it, each call signed in with HTTP Basic by the REST API's
 * own authentication filter (Camunda's documented way to secure it: the password checked against the engine's identity
 * store, the user's groups read, on every call). The engine is configured and the models deployed as for
 * {@link BareEngine}, the beans its models name (no-ops, the gates, the deadlines) being beans of the application;
 * authorization is off, as the starter has it.
 * <p>
 * So the service and this engine are driven the same way: over HTTP, by the same clients, signing in the same way; the
 * difference is what the service adds behind its API (validation, the case registry and file, audit, need-to-know).
 * <p>
 * Not a {@code @Configuration}: the service's component scan covers this package on a test classpath, and must not
 * find it. It is the application's source, so its bean methods and imports count all the same.
 */
@ImportAutoConfiguration({ DataSourceAutoConfiguration.class, DataSourceTransactionManagerAutoConfiguration.class,
		TransactionAutoConfiguration.class, JacksonAutoConfiguration.class,
		ServletWebServerFactoryAutoConfiguration.class })
@Import(BareRestEngine.EngineAndRestStarters.class)
class BareRestEngine {

	/** The engine starter's packages (rewritten with the rest of the code on Operaton, whose classes differ in name). */
	private static final String STARTERS = "org.camunda.bpm.spring.boot.starter.";

	/** The engine REST API's base path, as the Camunda starter serves it. */
	static final String REST = "/engine-rest";

	/**
	 * Starts the application on an empty database, deploys the models and creates the given users (user id to group)
	 * with the demo password.
	 */
	static ConfigurableApplicationContext start(String jdbcUrl, String user, String password, int poolSize,
			Map<String, String> users) {
		Map<String, Map<String, byte[]>> models = BareEngine.modelsByFolder();
		Map<String, Object> properties = new HashMap<>();
		// None of the service's configuration files (they share this classpath): only what is set here.
		properties.put("spring.config.name", "bare-rest-engine");
		properties.put("server.port", 0);
		properties.put("logging.level.root", "WARN");
		properties.put("spring.datasource.url", jdbcUrl);
		properties.put("spring.datasource.username", user);
		properties.put("spring.datasource.password", password);
		properties.put("spring.datasource.hikari.maximum-pool-size", poolSize);
		properties.put("spring.datasource.hikari.pool-name", "bare-rest");
		// The only engine of this JVM named "default", so the REST API serves it at its usual paths.
		properties.put("camunda.bpm.process-engine-name", "default");
		properties.put("camunda.bpm.generate-unique-process-engine-name", false);
		properties.put("camunda.bpm.database.schema-update", true);
		properties.put("camunda.bpm.history-level", "full");
		properties.put("camunda.bpm.default-serialization-format", "application/json");
		properties.put("camunda.bpm.authorization.enabled", false);
		properties.put("camunda.bpm.auto-deployment-enabled", false);
		properties.put("camunda.bpm.metrics.enabled", false);
		properties.put("camunda.bpm.metrics.db-reporter-activate", false);
		properties.put("camunda.bpm.job-execution.enabled", true);
		// Jersey starts the REST API when Tomcat starts, under Tomcat's class loader, whose parent is this one.
		properties.put("spring.jersey.servlet.load-on-startup", 1);
		ConfigurableApplicationContext context = new SpringApplicationBuilder(BareRestEngine.class)
			.web(WebApplicationType.SERVLET)
			.resourceLoader(new DefaultResourceLoader(new WithoutServiceExtensions()))
			.initializers(application -> BareEngine.beans(models)
				.forEach((name, bean) -> application.getBeanFactory().registerSingleton((String) name, bean)))
			.run(properties.entrySet()
				.stream()
				.map(entry -> "--" + entry.getKey() + "=" + entry.getValue())
				.toArray(String[]::new));
		ProcessEngine engine = context.getBean(ProcessEngine.class);
		BareEngine.deploy(engine, models);
		createUsers(engine.getIdentityService(), users);
		return context;
	}

	/** The URL of the REST API of a started application. */
	static String url(ConfigurableApplicationContext context) {
		return "http://localhost:" + context.getEnvironment().getRequiredProperty("local.server.port") + REST;
	}

	/** User ids as the service allows them ("demo-police"), which the engine's default pattern refuses. */
	@Bean
	static ProcessEnginePlugin userIds() {
		return new AbstractProcessEnginePlugin() {
			@Override
			public void preInit(ProcessEngineConfigurationImpl configuration) {
				configuration.setUserResourceWhitelistPattern(UserIds.FORM);
			}
		};
	}

	/** HTTP Basic on every REST call, as Camunda's manual secures the REST API. */
	@Bean
	FilterRegistrationBean<ProcessEngineAuthenticationFilter> basicAuthentication() {
		FilterRegistrationBean<ProcessEngineAuthenticationFilter> filter = new FilterRegistrationBean<>(
				new ProcessEngineAuthenticationFilter());
		filter.addInitParameter(ProcessEngineAuthenticationFilter.AUTHENTICATION_PROVIDER_PARAM,
				HttpBasicAuthenticationProvider.class.getName());
		filter.addUrlPatterns(REST + "/*");
		return filter;
	}

	private static void createUsers(IdentityService identity, Map<String, String> users) {
		for (String groupId : Set.copyOf(users.values())) {
			Group group = identity.newGroup(groupId);
			group.setName(groupId);
			identity.saveGroup(group);
		}
		users.forEach((userId, groupId) -> {
			User created = identity.newUser(userId);
			created.setPassword(Api.DEMO_PASSWORD);
			identity.saveUser(created);
			identity.createMembership(userId, groupId);
		});
		BenchRun.log("bare engine behind REST: users " + List.copyOf(users.keySet()));
	}

	/**
	 * The auto-configurations of the engine's Spring Boot starter and of its REST starter, by the names their jars list
	 * (not the webapps', which are on the class path for the service), then Jersey's, which serves the REST starter's
	 * application only once that is defined.
	 */
	static final class EngineAndRestStarters implements DeferredImportSelector, BeanClassLoaderAware {

		private ClassLoader classLoader;

		@Override
		public void setBeanClassLoader(ClassLoader classLoader) {
			this.classLoader = classLoader;
		}

		@Override
		public String[] selectImports(AnnotationMetadata metadata) {
			return ImportCandidates.load(AutoConfiguration.class, this.classLoader)
				.getCandidates()
				.stream()
				.filter(name -> name.startsWith(STARTERS) && !name.startsWith(STARTERS + "webapp."))
				.collect(Collectors.collectingAndThen(Collectors.toList(), starters -> {
					starters.add(JerseyAutoConfiguration.class.getName());
					return starters.toArray(String[]::new);
				}));
		}
	}

	/**
	 * The class path without the Jersey extensions the service registers through {@code META-INF/services} (its
	 * operation guard and problem bodies, which Jersey puts into every JAX-RS application it finds on the class path,
	 * by design): they are part of what the service adds, and they need the service's beans.
	 */
	private static final class WithoutServiceExtensions extends ClassLoader {

		private static final String EXTENSIONS = "META-INF/services/" + ForcedAutoDiscoverable.class.getName();

		WithoutServiceExtensions() {
			super("bare-rest-engine", BareRestEngine.class.getClassLoader());
		}

		@Override
		public Enumeration<URL> getResources(String name) throws IOException {
			Enumeration<URL> found = super.getResources(name);
			if (!EXTENSIONS.equals(name)) {
				return found;
			}
			URL ours = NrmApplication.class.getProtectionDomain().getCodeSource().getLocation();
			return Collections.enumeration(Collections.list(found)
				.stream()
				.filter(url -> !url.toString().startsWith(ours.toString()))
				.toList());
		}
	}
}
