package org.opennrm.handoff;

import java.time.Instant;

/**
 * One step of a hand-off.
 *
 * @param step the status the hand-off moved to
 * @param agency the agency that took the step (or was offered the service)
 * @param reason a reason code, where the step has one: why a provider declined, how psycho-social support ended
 * @param at when
 */
public record HandoffStep(HandoffStatus step, String agency, String reason, Instant at) {
}
