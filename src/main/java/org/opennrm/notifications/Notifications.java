package org.opennrm.notifications;

import java.util.Collection;
import java.util.List;

/** Raising and reading notifications. */
public interface Notifications {

	void notifyUser(String userId, String caseReference, Notification.Kind kind, String subject);

	void notifyGroups(Collection<String> groupIds, String caseReference, Notification.Kind kind, String subject);

	/** A user's notifications: their own and their groups', newest first. */
	List<Notification> of(String userId, Collection<String> groupIds, boolean unreadOnly, int limit);
}
