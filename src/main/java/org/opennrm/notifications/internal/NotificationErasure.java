package org.opennrm.notifications.internal;

import java.util.Map;

import org.opennrm.retention.PersonalCaseData;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/** Erases the reminders and escalations about a case, read or not. */
@Component
class NotificationErasure implements PersonalCaseData {

	private final JdbcClient jdbc;

	NotificationErasure(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	@Override
	public Map<String, Integer> erase(ErasedCase erased) {
		int notifications = this.jdbc.sql("delete from nrm_notification where case_reference = :reference")
			.param("reference", erased.reference())
			.update();
		return Map.of("notifications.notifications", notifications);
	}
}
