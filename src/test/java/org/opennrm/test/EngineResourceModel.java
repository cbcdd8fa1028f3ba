package org.opennrm.test;

import java.lang.annotation.Annotation;
import java.lang.reflect.Method;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;

import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.HttpMethod;
import jakarta.ws.rs.Path;

/**
 * Every route of a JAX-RS application, read from its resource classes' own annotations ({@code @Path}, {@code @GET},
 * ...), following sub-resource locators through their declared return types: the resource model as the API declares
 * it, independent of the service's guard, for tests that try every route.
 */
public final class EngineResourceModel {

	/** How deep locators nest in the engine's resources (a task's variables' data is four levels down). */
	private static final int DEEPEST = 8;

	private EngineResourceModel() {
	}

	/**
	 * One operation.
	 *
	 * @param method the HTTP method
	 * @param template the path template below the application's root, e.g. {@code /task/{id}/claim}
	 * @param javaMethod the resource method's Java name ({@code claim}; {@code query…} for POST queries)
	 * @param resource the resource interface or class that declares it
	 * @param consumes the media type of the body it takes, if it declares one
	 */
	public record Route(String method, String template, String javaMethod, String resource, String consumes) {

		/** The template with parameter names left out: {@code /task/{}/claim}. */
		public String shape() {
			String shape = this.template.replaceAll("\\{[^}]*}", "{}");
			return shape.length() > 1 && shape.endsWith("/") ? shape.substring(0, shape.length() - 1) : shape;
		}
	}

	/** The routes below the given root resource classes, sorted by template and method. */
	public static List<Route> routes(Class<?>... roots) {
		Set<Route> found = new TreeSet<>(Comparator.comparing(Route::template).thenComparing(Route::method));
		for (Class<?> root : roots) {
			Path path = root.getAnnotation(Path.class);
			walk(root, path == null ? "" : "/" + path.value(), 0, found);
		}
		return new ArrayList<>(found);
	}

	private static void walk(Class<?> type, String prefix, int depth, Set<Route> found) {
		if (depth > DEEPEST) {
			return;
		}
		for (Method method : type.getMethods()) {
			if (method.getDeclaringClass() == Object.class) {
				continue;
			}
			Path path = annotation(method, type, Path.class);
			String httpMethod = httpMethod(method, type);
			String template = normalise(prefix + (path == null ? "" : "/" + path.value()));
			if (httpMethod != null) {
				Consumes consumes = annotation(method, type, Consumes.class);
				found.add(new Route(httpMethod, template, method.getName(), type.getSimpleName(),
						consumes == null || consumes.value().length == 0 ? null : consumes.value()[0]));
			}
			else if (path != null) {
				walk(method.getReturnType(), template, depth + 1, found);
			}
		}
	}

	private static String normalise(String template) {
		String path = template.replaceAll("/+", "/");
		return path.length() > 1 && path.endsWith("/") ? path.substring(0, path.length() - 1) : path;
	}

	private static String httpMethod(Method method, Class<?> type) {
		for (Method candidate : declarations(method, type)) {
			for (Annotation annotation : candidate.getAnnotations()) {
				HttpMethod http = annotation.annotationType().getAnnotation(HttpMethod.class);
				if (http != null) {
					return http.value();
				}
			}
		}
		return null;
	}

	private static <A extends Annotation> A annotation(Method method, Class<?> type, Class<A> annotationType) {
		for (Method candidate : declarations(method, type)) {
			A annotation = candidate.getAnnotation(annotationType);
			if (annotation != null) {
				return annotation;
			}
		}
		return null;
	}

	/** The method and its declarations in the type's interfaces and superclasses, where JAX-RS annotations live. */
	private static List<Method> declarations(Method method, Class<?> type) {
		List<Method> declarations = new ArrayList<>();
		declarations.add(method);
		for (Class<?> current = type; current != null && current != Object.class; current = current.getSuperclass()) {
			for (Class<?> contract : current.getInterfaces()) {
				try {
					declarations.add(contract.getMethod(method.getName(), method.getParameterTypes()));
				}
				catch (NoSuchMethodException ex) {
					// not declared there
				}
			}
		}
		return declarations;
	}
}
