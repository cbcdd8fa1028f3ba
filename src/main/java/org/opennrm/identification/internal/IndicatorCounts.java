package org.opennrm.identification.internal;

import static org.opennrm.identification.internal.IndicatorChecklist.Dimension.Coercion;
import static org.opennrm.identification.internal.IndicatorChecklist.Dimension.Exploitation;
import static org.opennrm.identification.internal.IndicatorChecklist.Dimension.Recruitment;
import static org.opennrm.identification.internal.IndicatorChecklist.Strength.Medium;
import static org.opennrm.identification.internal.IndicatorChecklist.Strength.Strong;
import static org.opennrm.identification.internal.IndicatorChecklist.Strength.Weak;

import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.Map;

import org.opennrm.identification.VictimIdentificationProcess.Variables;
import org.opennrm.identification.internal.IndicatorChecklist.Dimension;
import org.opennrm.identification.internal.IndicatorChecklist.Item;
import org.opennrm.identification.internal.IndicatorChecklist.Strength;

/**
 * How many indicators of each dimension and strength a screening saw: what the process routes on, never which ones.
 */
record IndicatorCounts(int recruitmentStrong, int recruitmentMedium, int recruitmentWeak, int exploitationStrong,
		int exploitationMedium, int exploitationWeak, int coercionStrong, int coercionMedium, int coercionWeak) {

	static IndicatorCounts of(Collection<Item> observed) {
		return new IndicatorCounts(count(observed, Recruitment, Strong), count(observed, Recruitment, Medium),
				count(observed, Recruitment, Weak), count(observed, Exploitation, Strong),
				count(observed, Exploitation, Medium), count(observed, Exploitation, Weak),
				count(observed, Coercion, Strong), count(observed, Coercion, Medium), count(observed, Coercion, Weak));
	}

	private static int count(Collection<Item> observed, Dimension dimension, Strength strength) {
		return (int) observed.stream()
			.filter(item -> item.dimension() == dimension && item.strength() == strength)
			.count();
	}

	/** The counts as the process variables the decision table reads. */
	Map<String, Object> asVariables() {
		Map<String, Object> variables = new LinkedHashMap<>();
		variables.put(Variables.RECRUITMENT_STRONG, this.recruitmentStrong);
		variables.put(Variables.RECRUITMENT_MEDIUM, this.recruitmentMedium);
		variables.put(Variables.RECRUITMENT_WEAK, this.recruitmentWeak);
		variables.put(Variables.EXPLOITATION_STRONG, this.exploitationStrong);
		variables.put(Variables.EXPLOITATION_MEDIUM, this.exploitationMedium);
		variables.put(Variables.EXPLOITATION_WEAK, this.exploitationWeak);
		variables.put(Variables.COERCION_STRONG, this.coercionStrong);
		variables.put(Variables.COERCION_MEDIUM, this.coercionMedium);
		variables.put(Variables.COERCION_WEAK, this.coercionWeak);
		return variables;
	}
}
