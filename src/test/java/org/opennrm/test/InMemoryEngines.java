package org.opennrm.test;

import java.util.List;
import java.util.function.Consumer;

import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.impl.cfg.ProcessEnginePlugin;
import org.camunda.bpm.engine.impl.cfg.StandaloneInMemProcessEngineConfiguration;

/**
 * A real engine on an in-memory H2 database of its own, with plugins of ours and no job executor (for the plugins'
 * tests in other modules too).
 */
public final class InMemoryEngines {

	private InMemoryEngines() {
	}

	public static ProcessEngine withPlugin(String name, ProcessEnginePlugin plugin) {
		return withPlugin(name, plugin, configuration -> {
		});
	}

	/** The same, with settings of the test's own on top. */
	public static ProcessEngine withPlugin(String name, ProcessEnginePlugin plugin,
			Consumer<StandaloneInMemProcessEngineConfiguration> settings) {
		return withPlugins(name, List.of(plugin), settings);
	}

	/** With several plugins, in their order. */
	public static ProcessEngine withPlugins(String name, List<ProcessEnginePlugin> plugins) {
		return withPlugins(name, plugins, configuration -> {
		});
	}

	/** With several plugins, in their order, and settings of the test's own on top. */
	public static ProcessEngine withPlugins(String name, List<ProcessEnginePlugin> plugins,
			Consumer<StandaloneInMemProcessEngineConfiguration> settings) {
		StandaloneInMemProcessEngineConfiguration configuration = new StandaloneInMemProcessEngineConfiguration();
		configuration.setJdbcUrl("jdbc:h2:mem:" + name + ";DB_CLOSE_DELAY=1000");
		configuration.setProcessEngineName(name);
		configuration.setJobExecutorActivate(false);
		configuration.setProcessEnginePlugins(List.copyOf(plugins));
		settings.accept(configuration);
		return configuration.buildProcessEngine();
	}
}
