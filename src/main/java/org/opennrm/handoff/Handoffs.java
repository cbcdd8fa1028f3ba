package org.opennrm.handoff;

import java.util.List;
import java.util.Optional;

/** The hand-off registry ({@code nrm_handoff}), kept up to date by the {@code ServiceHandoff} process. */
public interface Handoffs {

	/** Every hand-off of a case, in the order they started. */
	List<Handoff> ofCase(String caseId);

	/** The hand-off a {@code ServiceHandoff} process instance runs. */
	Optional<Handoff> findByProcessInstance(String processInstanceId);
}
