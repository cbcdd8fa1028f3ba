package org.opennrm.security.internal;

import java.util.List;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.config.BeanDefinition;
import org.springframework.beans.factory.config.BeanFactoryPostProcessor;
import org.springframework.beans.factory.config.ConfigurableListableBeanFactory;
import org.springframework.beans.factory.config.ConstructorArgumentValues.ValueHolder;
import org.springframework.beans.factory.support.BeanDefinitionRegistry;
import org.springframework.security.web.context.AbstractSecurityWebApplicationInitializer;

/**
 * Takes Spring Security's filter chain out of the wrapper that Spring Security puts around it when Spring MVC is
 * present. The wrapper's first filter asks Spring MVC, for every request, which handler would serve it, and keeps the
 * answer in the request for MVC-aware request matchers and for CORS. The service uses neither: its matchers match
 * paths ({@link WebSecurityConfiguration#path}, since the engine's APIs and the webapps are not Spring MVC), and it
 * answers no cross-origin requests. So every request, a Tasklist script or an engine REST call included, walked
 * Spring MVC's mappings for an answer nobody read (3.9 % of the request threads' samples in the throughput benchmark).
 * <p>
 * It runs after every registry post-processor, Spring Security's included, and puts Spring Security's own chain
 * definition back under its name. Anything else it leaves as Spring Security made it, which works as before: no
 * wrapper (nothing to do), or a wrapper of another shape (a warning). {@code MvcLookupLeftOutTest} fails in both cases
 * while Spring Security still adds the lookup.
 */
final class MvcLookupLeftOut implements BeanFactoryPostProcessor {

	private static final Logger log = LoggerFactory.getLogger(MvcLookupLeftOut.class);

	static final String CHAIN = AbstractSecurityWebApplicationInitializer.DEFAULT_FILTER_NAME;

	/** Spring Security 6's wrapper (package-private, so named here), and the factory of its lookup filter. */
	static final String WRAPPER = "org.springframework.security.config.annotation.web.configuration."
			+ "WebMvcSecurityConfiguration$CompositeFilterChainProxy";

	static final String LOOKUP = "org.springframework.security.config.annotation.web.configuration."
			+ "WebMvcSecurityConfiguration$HandlerMappingIntrospectorCacheFilterFactoryBean";

	@Override
	public void postProcessBeanFactory(ConfigurableListableBeanFactory factory) {
		if (!(factory instanceof BeanDefinitionRegistry registry) || !registry.containsBeanDefinition(CHAIN)) {
			return;
		}
		BeanDefinition wrapper = registry.getBeanDefinition(CHAIN);
		if (!WRAPPER.equals(wrapper.getBeanClassName())) {
			return;
		}
		BeanDefinition chain = chainIn(wrapper);
		if (chain == null) {
			log.warn("Spring Security's wrapper of {} is not the one this class knows (a filter of Spring MVC's handler"
					+ " lookup, then the chain): left as it is, so every request looks its handler up twice; see ADR 44",
					CHAIN);
			return;
		}
		registry.removeBeanDefinition(CHAIN);
		registry.registerBeanDefinition(CHAIN, chain);
	}

	/** The wrapped chain: of the wrapper's two filters, the one that is not the lookup; null if that is not its shape. */
	private static BeanDefinition chainIn(BeanDefinition wrapper) {
		ValueHolder argument = wrapper.getConstructorArgumentValues().getIndexedArgumentValue(0, List.class);
		if (argument == null || !(argument.getValue() instanceof List<?> filters) || filters.size() != 2) {
			return null;
		}
		BeanDefinition chain = null;
		boolean lookup = false;
		for (Object filter : filters) {
			if (!(filter instanceof BeanDefinition definition)) {
				return null;
			}
			if (LOOKUP.equals(definition.getBeanClassName())) {
				lookup = true;
			}
			else {
				chain = definition;
			}
		}
		return lookup ? chain : null;
	}
}
