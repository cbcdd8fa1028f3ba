package org.opennrm.psychosocial;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

import jakarta.validation.Constraint;
import jakarta.validation.Payload;
import jakarta.validation.ReportAsSingleViolation;
import jakarta.validation.constraints.Pattern;

/**
 * A reference to a record in the provider's own file (e.g. {@code PSS/2026/0042}): letters, digits and
 * {@code / _ . -}, up to 40 characters, so that no content can hide in it. Null is valid.
 */
@Documented
@Target({ ElementType.FIELD, ElementType.PARAMETER, ElementType.RECORD_COMPONENT })
@Retention(RetentionPolicy.RUNTIME)
@Constraint(validatedBy = {})
@ReportAsSingleViolation
@Pattern(regexp = FileReference.PATTERN)
public @interface FileReference {

	String PATTERN = "[A-Za-z0-9/_.-]{1,40}";

	String message() default "must be a reference to your own file: letters, digits and / _ . - only, up to 40 characters";

	Class<?>[] groups() default {};

	Class<? extends Payload>[] payload() default {};

	/** Reads references as forms send them. */
	final class Values {

		private Values() {
		}

		/** An empty reference (a form's untouched text field) is no reference. */
		public static String orNull(String reference) {
			return reference == null || reference.isBlank() ? null : reference;
		}
	}
}
