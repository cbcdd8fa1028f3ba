package org.opennrm.bench;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import com.zaxxer.hikari.HikariConfig;
import com.zaxxer.hikari.HikariDataSource;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.impl.jobexecutor.DefaultJobExecutor;
import org.camunda.bpm.engine.impl.persistence.StrongUuidGenerator;
import org.camunda.bpm.engine.repository.DeploymentBuilder;
import org.camunda.bpm.engine.spring.SpringProcessEngineConfiguration;
import org.camunda.spin.plugin.impl.SpinProcessEnginePlugin;
import org.opennrm.deadlines.Deadlines;
import org.opennrm.deadlines.Jurisdictions;
import org.opennrm.processes.ProcessTestSupport;
import org.springframework.core.io.Resource;
import org.springframework.core.io.support.PathMatchingResourcePatternResolver;
import org.springframework.jdbc.datasource.DataSourceTransactionManager;

/**
 * The baseline of {@code BENCHMARKS.md}: a plain Camunda 7 engine with our models and nothing of ours around them.
 * <p>
 * What "the same models" means here: every BPMN, DMN and Camunda Form under {@code processes/}, deployed one
 * deployment per feature folder as the service deploys them, on an engine configured as the service configures its
 * own where that is the engine's business (PostgreSQL through a Hikari pool of the same size, Spring transactions,
 * history level full, the strong UUID id generator, JSON as the default serialization format with the Spin plugin,
 * the job executor on with the Spring Boot starter's pool of 3 to 10 threads). What the models ask of our beans is
 * answered without our code: every bean named in a {@code delegateExpression} is a no-op (our delegates and
 * listeners write the case registry, the case file, consent records, audit and notifications: that is the layer
 * measured against this one); {@code pathway} answers yes to every gate and passes every planned service but
 * shelter and family contact to the general hand-off, as the process tests' stub does; {@code deadlines} is the real
 * calculator on the shipped jurisdiction profiles, as in the process tests, because the models' timers and due dates
 * are part of the models. Engine authorization is off: checking who may do what is our layer's work.
 */
final class BareEngine implements AutoCloseable {

	private static final String ROOT = "processes/";

	private static final Pattern DELEGATE = Pattern.compile("delegateExpression=\"\\$\\{(\\w+)}\"");

	final ProcessEngine engine;

	private final HikariDataSource dataSource;

	private BareEngine(ProcessEngine engine, HikariDataSource dataSource) {
		this.engine = engine;
		this.dataSource = dataSource;
	}

	/** Builds the engine on an empty database, creates the schema and deploys the models. */
	static BareEngine start(String jdbcUrl, String user, String password, int poolSize) {
		HikariConfig pool = new HikariConfig();
		pool.setJdbcUrl(jdbcUrl);
		pool.setUsername(user);
		pool.setPassword(password);
		pool.setMaximumPoolSize(poolSize);
		pool.setPoolName("bare");
		HikariDataSource dataSource = new HikariDataSource(pool);

		Map<String, Map<String, byte[]>> models = modelsByFolder();
		SpringProcessEngineConfiguration configuration = new SpringProcessEngineConfiguration();
		configuration.setProcessEngineName("bare-" + Long.toHexString(System.nanoTime()));
		configuration.setDataSource(dataSource);
		configuration.setTransactionManager(new DataSourceTransactionManager(dataSource));
		configuration.setDatabaseSchemaUpdate("true");
		configuration.setHistory("full");
		configuration.setIdGenerator(new StrongUuidGenerator());
		configuration.setDefaultSerializationFormat("application/json");
		configuration.getProcessEnginePlugins().add(new SpinProcessEnginePlugin());
		configuration.setAuthorizationEnabled(false);
		configuration.setMetricsEnabled(false);
		configuration.setDbMetricsReporterActivate(false);
		configuration.setBeans(beans(models));
		DefaultJobExecutor jobExecutor = new DefaultJobExecutor();
		jobExecutor.setCorePoolSize(3);
		jobExecutor.setMaxPoolSize(10);
		jobExecutor.setQueueSize(3);
		configuration.setJobExecutor(jobExecutor);
		configuration.setJobExecutorActivate(true);
		ProcessEngine engine = configuration.buildProcessEngine();
		deploy(engine, models);
		return new BareEngine(engine, dataSource);
	}

	/** One deployment per feature folder, as the service's deployer makes them. */
	static void deploy(ProcessEngine engine, Map<String, Map<String, byte[]>> models) {
		models.forEach((folder, resources) -> {
			DeploymentBuilder deployment = engine.getRepositoryService().createDeployment().name("bare-" + folder);
			resources.forEach((name, content) -> deployment.addInputStream(name, new java.io.ByteArrayInputStream(content)));
			deployment.deploy();
		});
	}

	@Override
	public void close() {
		this.engine.close();
		this.dataSource.close();
	}

	/** What the models' expressions call: no-ops for our delegates and listeners, the gates, the deadlines. */
	static Map<Object, Object> beans(Map<String, Map<String, byte[]>> models) {
		Map<Object, Object> beans = new HashMap<>();
		ProcessTestSupport.NoOp noOp = new ProcessTestSupport.NoOp();
		TreeSet<String> names = new TreeSet<>();
		models.values().forEach(resources -> resources.forEach((name, content) -> {
			Matcher delegate = DELEGATE.matcher(new String(content, java.nio.charset.StandardCharsets.UTF_8));
			while (delegate.find()) {
				names.add(delegate.group(1));
			}
		}));
		names.forEach(name -> beans.put(name, noOp));
		beans.put("pathway", new Pathway());
		beans.put("deadlines", new Deadlines(Jurisdictions.load("file:config/jurisdictions/*.yml", "coe")));
		BenchRun.log("bare engine: " + names.size() + " delegates and listeners as no-ops: " + names);
		return beans;
	}

	/** Folder name to (resource name to content), as the service's deployer reads them from the classpath. */
	static Map<String, Map<String, byte[]>> modelsByFolder() {
		Map<String, Map<String, byte[]>> folders = new TreeMap<>();
		PathMatchingResourcePatternResolver resolver = new PathMatchingResourcePatternResolver();
		try {
			for (String pattern : List.of("classpath*:" + ROOT + "**/*.bpmn", "classpath*:" + ROOT + "**/*.dmn",
					"classpath*:" + ROOT + "**/*.form")) {
				for (Resource resource : resolver.getResources(pattern)) {
					String path = resource.getURL().toString();
					String name = path.substring(path.lastIndexOf("/" + ROOT) + ROOT.length() + 1);
					int slash = name.indexOf('/');
					String folder = slash < 0 ? "root" : name.substring(0, slash);
					try (var in = resource.getInputStream()) {
						folders.computeIfAbsent(folder, key -> new TreeMap<>()).put(name, in.readAllBytes());
					}
				}
			}
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
		if (folders.isEmpty()) {
			throw new IllegalStateException("No models under " + ROOT + " on the classpath");
		}
		return folders;
	}

	/** The registry-backed gates of the case model, answered as the process tests' stub answers them. */
	public static final class Pathway {

		public List<String> servicesWithoutGate(Collection<?> planned) {
			return planned.stream().map(String::valueOf).filter(s -> !s.equals("Shelter") && !s.equals("FamilyContact"))
				.toList();
		}

		public boolean placementAllowed(String caseId) {
			return true;
		}

		public boolean familyContactAllowed(String caseId) {
			return true;
		}
	}
}
