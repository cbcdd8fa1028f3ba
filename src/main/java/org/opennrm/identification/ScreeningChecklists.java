package org.opennrm.identification;

import java.util.List;

/**
 * The versioned indicator checklists as a screening page shows them: the one the screening task of a case offers
 * (chosen by suspected form of exploitation and age group, exactly as the task does). Labels are catalogue codes
 * ({@code indicator.<checklist>.title}, {@code indicator.<checklist>.<code>}), said in the reader's language.
 */
public interface ScreeningChecklists {

	/** @param child whether the person is (or may be) a child */
	Checklist forScreening(SuspectedExploitation suspectedExploitation, boolean child);

	/**
	 * @param id the checklist's id
	 * @param version its version
	 * @param items its indicators, in the order screeners see them
	 */
	record Checklist(String id, int version, List<Item> items) {

		/** The items of one dimension, in order. */
		public List<Item> of(String dimension) {
			return this.items.stream().filter(item -> item.dimension().equals(dimension)).toList();
		}

		public String titleCode() {
			return "indicator." + this.id + ".title";
		}
	}

	/**
	 * @param code what a screening stores
	 * @param dimension {@code Recruitment}, {@code Exploitation} or {@code Coercion}
	 * @param labelCode the catalogue code of its label
	 */
	record Item(String code, String dimension, String labelCode) {
	}
}
