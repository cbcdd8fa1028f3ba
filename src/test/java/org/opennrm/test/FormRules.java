package org.opennrm.test;

import java.lang.reflect.AnnotatedParameterizedType;
import java.lang.reflect.ParameterizedType;
import java.lang.reflect.RecordComponent;
import java.lang.reflect.Type;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Collectors;

import jakarta.validation.Validator;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotEmpty;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import jakarta.validation.metadata.ConstraintDescriptor;
import jakarta.validation.metadata.PropertyDescriptor;
import org.opennrm.security.Agency;
import org.opennrm.security.ReferringParty;
import org.opennrm.security.Role;

/**
 * What the server enforces on one field of a task's typed body, read from the body's own Bean Validation metadata
 * (composed constraints such as {@code @FileReference} included): the rules each Camunda Form must carry so that
 * Tasklist stops a caseworker before they submit.
 */
public final class FormRules {

	private FormRules() {
	}

	/**
	 * @param required a value must be given (for a list: at least one entry)
	 * @param pattern the regular expression the whole value must match
	 * @param minLength fewest characters of a text
	 * @param maxLength most characters of a text
	 * @param min smallest number
	 * @param max largest number
	 * @param options the values the field may take (an enum, a yes/no, an agency), or {@code null} for free values
	 */
	public record Rules(boolean required, String pattern, Long minLength, Long maxLength, Long min, Long max,
			Set<String> options) {
	}

	public static Rules of(Validator validator, Class<? extends Record> body, RecordComponent component) {
		PropertyDescriptor property = validator.getConstraintsForClass(body).getConstraintsForProperty(component.getName());
		List<ConstraintDescriptor<?>> constraints = new ArrayList<>();
		if (property != null) {
			property.getConstraintDescriptors().forEach(descriptor -> flatten(descriptor, constraints));
		}
		boolean required = false;
		String pattern = null;
		Long minLength = null;
		Long maxLength = null;
		Long min = null;
		Long max = null;
		boolean text = component.getType() == String.class;
		boolean list = List.class.isAssignableFrom(component.getType());
		for (ConstraintDescriptor<?> constraint : constraints) {
			Class<?> type = constraint.getAnnotation().annotationType();
			Map<String, Object> attributes = constraint.getAttributes();
			if (type == NotBlank.class || type == NotEmpty.class || type == NotNull.class && !list) {
				// A list that must be there may be empty (a screening that saw none): required means NotEmpty.
				required = true;
			}
			else if (type == Pattern.class) {
				pattern = (String) attributes.get("regexp");
			}
			else if (type == Size.class && text) {
				int least = (Integer) attributes.get("min");
				int most = (Integer) attributes.get("max");
				minLength = least > 0 ? (long) least : null;
				maxLength = most < Integer.MAX_VALUE ? (long) most : null;
			}
			else if (type == Min.class) {
				min = (Long) attributes.get("value");
			}
			else if (type == Max.class) {
				max = (Long) attributes.get("value");
			}
		}
		return new Rules(required, pattern, minLength, maxLength, min, max, options(component));
	}

	/** The pattern as form-js must have it: form-js tests it anywhere in the value, Bean Validation the whole value. */
	public static List<String> anchored(String pattern) {
		return pattern.contains("|") ? List.of("^(?:" + pattern + ")$")
				: List.of("^" + pattern + "$", "^(?:" + pattern + ")$");
	}

	private static void flatten(ConstraintDescriptor<?> descriptor, List<ConstraintDescriptor<?>> into) {
		into.add(descriptor);
		descriptor.getComposingConstraints().forEach(composing -> flatten(composing, into));
	}

	private static Set<String> options(RecordComponent component) {
		Class<?> type = component.getType();
		Type generic = component.getGenericType();
		// Who opens a case: Tasklist's start form offers the agencies (mobile teams open cases on the field page).
		boolean agency = component.isAnnotationPresent(Agency.class) || component.isAnnotationPresent(ReferringParty.class);
		if (List.class.isAssignableFrom(type) && generic instanceof ParameterizedType parameterized) {
			Type element = parameterized.getActualTypeArguments()[0];
			type = element instanceof Class<?> elementClass ? elementClass : null;
			agency = agency || component.getAnnotatedType() instanceof AnnotatedParameterizedType annotated
					&& annotated.getAnnotatedActualTypeArguments()[0].isAnnotationPresent(Agency.class);
		}
		if (agency) {
			return Role.agencies().stream().map(Role::groupId).collect(Collectors.toCollection(TreeSet::new));
		}
		if (type == Boolean.class) {
			return new TreeSet<>(Set.of("true", "false"));
		}
		if (type != null && type.isEnum()) {
			return Arrays.stream(type.getEnumConstants())
				.map(constant -> ((Enum<?>) constant).name())
				.collect(Collectors.toCollection(TreeSet::new));
		}
		return null;
	}
}
