package org.opennrm.casework;

import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;

/**
 * Whether police took the person's statement; the statement itself belongs to the law-enforcement file.
 *
 * @param statementTaken whether a statement was taken
 * @param statementReference its reference in the police file
 */
public record TakeStatement(@NotNull Boolean statementTaken,
		@Pattern(regexp = "[A-Za-z0-9/_.-]{1,40}", message = "must be a file reference: letters, digits and / _ . - only, up to 40 characters") String statementReference) {
}
