package org.opennrm.security;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

import jakarta.validation.Constraint;
import jakarta.validation.ConstraintValidator;
import jakarta.validation.ConstraintValidatorContext;
import jakarta.validation.Payload;

/** The annotated string is the group id of an agency role ({@code police}, {@code social}, {@code health}, {@code ngo}). */
@Documented
@Target({ ElementType.FIELD, ElementType.PARAMETER, ElementType.RECORD_COMPONENT, ElementType.TYPE_USE })
@Retention(RetentionPolicy.RUNTIME)
@Constraint(validatedBy = Agency.Validator.class)
public @interface Agency {

	String message() default "must be one of the agencies: police, social, health, ngo";

	Class<?>[] groups() default {};

	Class<? extends Payload>[] payload() default {};

	/** Null is valid (combine with {@code @NotNull} where required). */
	class Validator implements ConstraintValidator<Agency, String> {

		@Override
		public boolean isValid(String value, ConstraintValidatorContext context) {
			return value == null || Role.ofGroup(value).map(Role::isAgency).orElse(false);
		}
	}
}
