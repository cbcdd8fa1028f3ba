package org.opennrm.casework.internal;

import java.util.Collection;
import java.util.List;
import java.util.Set;

import org.opennrm.cases.BestInterests;
import org.opennrm.cases.Case;
import org.opennrm.cases.Cases;
import org.springframework.stereotype.Component;

/**
 * Routing rules of the case process that need the registry, used in its expressions as {@code pathway} (public
 * because JUEL reaches methods of public classes only).
 */
@Component("pathway")
public class Pathway {

	/** Services a child gets only after the best-interests determination: placement and family contact. */
	static final Set<String> GATED_SERVICES = Set.of("Shelter", "FamilyContact");

	private final Cases cases;

	Pathway(Cases cases) {
		this.cases = cases;
	}

	/** The planned services that start at once: all except placement and family contact, which have their own gate. */
	public List<String> servicesWithoutGate(Collection<?> plannedServices) {
		return plannedServices == null ? List.of()
				: plannedServices.stream().map(String::valueOf).filter(service -> !GATED_SERVICES.contains(service)).toList();
	}

	/** An adult's placement needs nothing more; a child's needs a best-interests determination in favour of it. */
	public boolean placementAllowed(String caseId) {
		Case current = this.cases.findById(caseId).orElseThrow();
		BestInterests interests = current.bestInterests();
		return !current.isChild() || (interests != null && interests.placementInBestInterests());
	}

	/** For a child, family contact only when the determination found it safe: the family may be the traffickers. */
	public boolean familyContactAllowed(String caseId) {
		Case current = this.cases.findById(caseId).orElseThrow();
		BestInterests interests = current.bestInterests();
		return !current.isChild() || (interests != null && interests.familyContactInBestInterests());
	}
}
