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

/**
 * The annotated string is who opens a case: an agency ({@link Agency}) or a mobile identification team
 * ({@link MobileTeams}). Whether the opener belongs to it is checked when the case is opened.
 */
@Documented
@Target({ ElementType.FIELD, ElementType.PARAMETER, ElementType.RECORD_COMPONENT, ElementType.TYPE_USE })
@Retention(RetentionPolicy.RUNTIME)
@Constraint(validatedBy = ReferringParty.Validator.class)
public @interface ReferringParty {

	String message() default "{field.validation.referringParty}";

	Class<?>[] groups() default {};

	Class<? extends Payload>[] payload() default {};

	/** Null is valid (combine with {@code @NotNull} where required). */
	class Validator implements ConstraintValidator<ReferringParty, String> {

		@Override
		public boolean isValid(String value, ConstraintValidatorContext context) {
			return value == null || Role.ofGroup(value).map(Role::isAgency).orElse(false) || MobileTeams.isTeamId(value);
		}
	}
}
