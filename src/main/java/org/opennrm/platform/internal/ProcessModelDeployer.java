package org.opennrm.platform.internal;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;

import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.impl.cfg.AbstractProcessEnginePlugin;
import org.camunda.bpm.engine.repository.DeploymentBuilder;
import org.camunda.bpm.engine.repository.DeploymentWithDefinitions;
import org.opennrm.platform.ProcessModels;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.core.io.Resource;
import org.springframework.core.io.support.PathMatchingResourcePatternResolver;
import org.springframework.core.io.support.ResourcePatternResolver;
import org.springframework.stereotype.Component;

/**
 * Deploys every BPMN, DMN and Camunda Form under {@code processes/} while the engine starts, one deployment per
 * feature folder. A folder's resources deploy together, so a task's form binding ({@code formRefBinding="deployment"})
 * always finds its form; duplicate filtering makes a restart with unchanged models create no deployment and no new
 * process version, and a change in one folder redeploys that folder only.
 */
@Component
class ProcessModelDeployer extends AbstractProcessEnginePlugin implements ProcessModels {

	static final String DEPLOYMENT_SOURCE = "opennrm";

	static final String DEPLOYMENT_PREFIX = "nrm-";

	private static final String ROOT = "processes/";

	private static final String[] PATTERNS = { "classpath*:" + ROOT + "**/*.bpmn", "classpath*:" + ROOT + "**/*.dmn",
			"classpath*:" + ROOT + "**/*.form" };

	private static final Logger log = LoggerFactory.getLogger(ProcessModelDeployer.class);

	private final ResourcePatternResolver resolver = new PathMatchingResourcePatternResolver();

	private volatile Map<String, Set<String>> candidateStarterGroups = Map.of();

	@Override
	public void postProcessEngineBuild(ProcessEngine engine) {
		Map<String, Set<String>> starters = new TreeMap<>();
		modelsByFolder().forEach((folder, resources) -> {
			resources.forEach((name, content) -> {
				if (name.endsWith(".bpmn")) {
					starters.putAll(BpmnDeclarations.candidateStarterGroups(content));
				}
			});
			deploy(engine, folder, resources);
		});
		this.candidateStarterGroups = Map.copyOf(starters);
	}

	@Override
	public Map<String, Set<String>> candidateStarterGroups() {
		return this.candidateStarterGroups;
	}

	/** Folder name to (resource name to content), both sorted so deployments are reproducible. */
	Map<String, Map<String, byte[]>> modelsByFolder() {
		Map<String, Map<String, byte[]>> folders = new TreeMap<>();
		for (String pattern : PATTERNS) {
			for (Resource resource : resources(pattern)) {
				String name = nameBelowRoot(resource);
				int slash = name.indexOf('/');
				String folder = slash < 0 ? "root" : name.substring(0, slash);
				folders.computeIfAbsent(folder, key -> new TreeMap<>()).put(name, read(resource));
			}
		}
		return folders;
	}

	private void deploy(ProcessEngine engine, String folder, Map<String, byte[]> resources) {
		DeploymentBuilder builder = engine.getRepositoryService()
			.createDeployment()
			.name(DEPLOYMENT_PREFIX + folder)
			.source(DEPLOYMENT_SOURCE)
			.enableDuplicateFiltering(false);
		resources.forEach((name, content) -> builder.addInputStream(name, new java.io.ByteArrayInputStream(content)));
		DeploymentWithDefinitions deployment = builder.deployWithResult();
		if (deployment.getDeployedProcessDefinitions() != null && !deployment.getDeployedProcessDefinitions().isEmpty()) {
			log.info("Deployed models of '{}' ({} resources)", folder, resources.size());
		}
	}

	private Resource[] resources(String pattern) {
		try {
			return this.resolver.getResources(pattern);
		}
		catch (IOException ex) {
			throw new UncheckedIOException("Cannot list process models " + pattern, ex);
		}
	}

	private static String nameBelowRoot(Resource resource) {
		try {
			String path = resource.getURL().toString();
			int index = path.lastIndexOf("/" + ROOT);
			return path.substring(index + ROOT.length() + 1);
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

	private static byte[] read(Resource resource) {
		try (InputStream in = resource.getInputStream()) {
			return in.readAllBytes();
		}
		catch (IOException ex) {
			throw new UncheckedIOException("Cannot read process model " + resource, ex);
		}
	}
}
