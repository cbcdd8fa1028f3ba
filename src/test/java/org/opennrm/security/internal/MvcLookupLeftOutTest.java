package org.opennrm.security.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;

import jakarta.servlet.Filter;
import org.junit.jupiter.api.Test;
import org.opennrm.test.FilterProbe;
import org.springframework.beans.factory.support.DefaultListableBeanFactory;
import org.springframework.beans.factory.support.RootBeanDefinition;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.mock.web.MockServletContext;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.annotation.web.configuration.EnableWebSecurity;
import org.springframework.security.web.FilterChainProxy;
import org.springframework.security.web.SecurityFilterChain;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.context.support.AnnotationConfigWebApplicationContext;
import org.springframework.web.servlet.config.annotation.EnableWebMvc;

/**
 * Spring Security, with Spring MVC present, runs a lookup of Spring MVC's handler before its chain on every request;
 * {@link MvcLookupLeftOut} takes it out, and a request through the chain then carries no lookup.
 */
class MvcLookupLeftOutTest {

	@Test
	void the_chain_runs_without_spring_mvcs_handler_lookup() throws Exception {
		try (AnnotationConfigWebApplicationContext context = context(Secured.class, LeftOut.class)) {
			Filter chain = context.getBean(MvcLookupLeftOut.CHAIN, Filter.class);

			assertThat(chain).isInstanceOf(FilterChainProxy.class);
			assertThat(chain.getClass().getName()).isNotEqualTo(MvcLookupLeftOut.WRAPPER);
			assertThat(FilterProbe.attributesSeenBehind(chain, "/things/7"))
				.noneMatch(name -> name.contains("HandlerMappingIntrospector"));
		}
	}

	/** What the test above undoes is still there without it: otherwise that test could not fail. */
	@Test
	void spring_security_alone_looks_the_handler_up_on_every_request() throws Exception {
		try (AnnotationConfigWebApplicationContext context = context(Secured.class)) {
			Filter chain = context.getBean(MvcLookupLeftOut.CHAIN, Filter.class);

			assertThat(chain.getClass().getName()).isEqualTo(MvcLookupLeftOut.WRAPPER);
			assertThat(FilterProbe.attributesSeenBehind(chain, "/things/7"))
				.anyMatch(name -> name.contains("HandlerMappingIntrospector"));
		}
	}

	/** Spring Security's own wrapper works; one of a shape this class does not know is left to it. */
	@Test
	void a_wrapper_of_another_shape_is_left_as_it_is() {
		DefaultListableBeanFactory factory = new DefaultListableBeanFactory();
		RootBeanDefinition wrapper = new RootBeanDefinition();
		wrapper.setBeanClassName(MvcLookupLeftOut.WRAPPER);
		wrapper.getConstructorArgumentValues().addIndexedArgumentValue(0, List.of(new RootBeanDefinition()));
		factory.registerBeanDefinition(MvcLookupLeftOut.CHAIN, wrapper);

		new MvcLookupLeftOut().postProcessBeanFactory(factory);

		assertThat(factory.getBeanDefinition(MvcLookupLeftOut.CHAIN)).isSameAs(wrapper);
	}

	@Test
	void a_chain_that_is_not_wrapped_is_left_as_it_is() {
		DefaultListableBeanFactory factory = new DefaultListableBeanFactory();
		RootBeanDefinition chain = new RootBeanDefinition(FilterChainProxy.class);
		factory.registerBeanDefinition(MvcLookupLeftOut.CHAIN, chain);

		new MvcLookupLeftOut().postProcessBeanFactory(factory);

		assertThat(factory.getBeanDefinition(MvcLookupLeftOut.CHAIN)).isSameAs(chain);
	}

	private static AnnotationConfigWebApplicationContext context(Class<?>... configurations) {
		AnnotationConfigWebApplicationContext context = new AnnotationConfigWebApplicationContext();
		context.setServletContext(new MockServletContext());
		context.register(configurations);
		context.refresh();
		return context;
	}

	@Configuration(proxyBeanMethods = false)
	@EnableWebSecurity
	@EnableWebMvc
	static class Secured {

		@Bean
		SecurityFilterChain chain(HttpSecurity http) throws Exception {
			return http.authorizeHttpRequests(requests -> requests.anyRequest().permitAll()).build();
		}

		@Bean
		Things things() {
			return new Things();
		}
	}

	@Configuration(proxyBeanMethods = false)
	static class LeftOut {

		@Bean
		static MvcLookupLeftOut mvcLookupLeftOut() {
			return new MvcLookupLeftOut();
		}
	}

	/** A mapping with a path variable, as the API's are: Spring MVC's lookup walks every mapping for it. */
	@RestController
	static class Things {

		@GetMapping("/things/{id}")
		String thing() {
			return "thing";
		}
	}
}
