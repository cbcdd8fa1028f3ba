package org.opennrm.notifications;

import java.util.Collection;
import java.util.List;

import org.opennrm.i18n.Text;

/** Raising and reading notifications. */
public interface Notifications {

	/** @param subject a short line naming the step, said in each reader's language; never personal data */
	void notifyUser(String userId, String caseReference, Notification.Kind kind, Text subject);

	void notifyGroups(Collection<String> groupIds, String caseReference, Notification.Kind kind, Text subject);

	/** A user's notifications: their own and their groups', newest first. */
	List<Notification> of(String userId, Collection<String> groupIds, boolean unreadOnly, int limit);
}
