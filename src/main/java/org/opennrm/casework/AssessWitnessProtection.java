package org.opennrm.casework;

import jakarta.validation.constraints.NotNull;

/** @param witnessProtectionNeeded whether the person needs witness protection */
public record AssessWitnessProtection(@NotNull Boolean witnessProtectionNeeded) {
}
