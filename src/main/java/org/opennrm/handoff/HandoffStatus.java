package org.opennrm.handoff;

import java.util.EnumSet;
import java.util.Set;

/** Where a hand-off stands, as the referring agency follows it. */
public enum HandoffStatus {

	/** Offered to the receiving agency, which has until {@link Handoff#respondBy()} to answer. */
	Offered,
	/** The receiving agency took the person on. */
	Accepted,
	/** The receiving agency declined; the next provider is being chosen. */
	Declined,
	/** The service was provided. */
	Delivered,
	/** The receiving agency could not provide it after all. */
	NotDelivered,
	/** The person declined the service. */
	PersonDeclined,
	/** The referring agency withdrew the hand-off. */
	Withdrawn;

	/** The statuses a hand-off moves on to from this one; an ended hand-off moves no more. */
	public Set<HandoffStatus> next() {
		return switch (this) {
			case Offered -> EnumSet.of(Accepted, Declined);
			case Accepted -> EnumSet.of(Delivered, NotDelivered, PersonDeclined);
			case Declined -> EnumSet.of(Offered, Withdrawn);
			case Delivered, NotDelivered, PersonDeclined, Withdrawn -> EnumSet.noneOf(HandoffStatus.class);
		};
	}

	public boolean isEnded() {
		return next().isEmpty();
	}

	/**
	 * Whether the receiving agency holds the hand-off: it has the offer, took it on or recorded its outcome. After a
	 * decline (and a withdrawal after one) it is no longer party to it.
	 */
	public boolean heldByReceivingAgency() {
		return this != Declined && this != Withdrawn;
	}
}
