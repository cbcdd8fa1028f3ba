/**
 * The recovery and reflection period (CETS 197 Art. 13): protection from removal while it runs, a review at its end
 * that may extend it for health, trauma or intimidation, and then the wait for the formal decision. The end of the
 * period is a review, never a loss of protection. Its durations are clocks of the jurisdiction profile.
 */
@org.springframework.modulith.ApplicationModule(displayName = "Recovery period")
package org.opennrm.recovery;
