package org.opennrm.cases;

/** What is known of the person's age. An uncertain age means the person is treated as a child. */
public enum AgeGroup {

	Child, Adult, Uncertain;

	public boolean treatedAsChild() {
		return this != Adult;
	}
}
