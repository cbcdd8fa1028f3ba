package org.opennrm.casefile;

import jakarta.validation.constraints.Size;

/**
 * Services: the person's needs and the arrangements around the hand-offs (the registry of hand-offs keeps only
 * agencies, services and statuses).
 *
 * @param needs what the person needs
 * @param arrangements practical arrangements (accommodation, interpreter, transport)
 * @param notes anything else
 */
public record ServicesSection(@Size(max = TEXT) String needs, @Size(max = TEXT) String arrangements,
		@Size(max = TEXT) String notes) implements SectionContent {
}
