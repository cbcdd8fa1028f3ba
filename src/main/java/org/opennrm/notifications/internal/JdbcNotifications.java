package org.opennrm.notifications.internal;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.Collection;
import java.util.List;

import org.opennrm.i18n.Languages;
import org.opennrm.i18n.Text;
import org.opennrm.i18n.TextJson;
import org.opennrm.i18n.Texts;
import org.opennrm.notifications.Notification;
import org.opennrm.notifications.Notifications;
import org.opennrm.platform.EngineClock;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;
import org.springframework.transaction.annotation.Transactional;

@Repository
@Transactional
class JdbcNotifications implements Notifications {

	private final JdbcClient jdbc;

	private final Texts texts;

	JdbcNotifications(JdbcClient jdbc, Texts texts) {
		this.jdbc = jdbc;
		this.texts = texts;
	}

	@Override
	public void notifyUser(String userId, String caseReference, Notification.Kind kind, Text subject) {
		insert(userId, null, caseReference, kind, subject);
	}

	@Override
	public void notifyGroups(Collection<String> groupIds, String caseReference, Notification.Kind kind,
			Text subject) {
		groupIds.forEach(group -> insert(null, group, caseReference, kind, subject));
	}

	/** Keeps the subject as a text to say in each reader's language, and in English for whoever reads the table. */
	private void insert(String user, String group, String caseReference, Notification.Kind kind, Text text) {
		String subject = text == null ? null : this.texts.say(Languages.FALLBACK, text);
		this.jdbc.sql("""
				insert into nrm_notification (recipient_user, recipient_group, case_reference, kind, subject, subject_text,
				    created_at)
				values (:user, :group, :caseReference, :kind, :subject, :subjectText, :createdAt)""")
			.param("user", user)
			.param("group", group)
			.param("caseReference", caseReference)
			.param("kind", kind.name())
			.param("subject", subject == null ? null : subject.substring(0, Math.min(subject.length(), 200)))
			.param("subjectText", text == null ? null : TextJson.write(text))
			.param("createdAt", EngineClock.now().atOffset(ZoneOffset.UTC))
			.update();
	}

	@Override
	@Transactional(readOnly = true)
	public List<Notification> of(String userId, Collection<String> groupIds, boolean unreadOnly, int limit) {
		String groups = groupIds.isEmpty() ? "" : " or recipient_group in (:groups)";
		String unread = unreadOnly ? " and read_at is null" : "";
		JdbcClient.StatementSpec query = this.jdbc.sql("select * from nrm_notification where (recipient_user = :user"
				+ groups + ")" + unread + " order by created_at desc, id desc fetch first " + limit + " rows only")
			.param("user", userId);
		if (!groupIds.isEmpty()) {
			query = query.param("groups", List.copyOf(groupIds));
		}
		return query.query(JdbcNotifications::map).list();
	}

	/** Marks one of the user's notifications read; false if it is not theirs. */
	boolean markRead(long id, String userId, Collection<String> groupIds) {
		String groups = groupIds.isEmpty() ? "" : " or recipient_group in (:groups)";
		JdbcClient.StatementSpec update = this.jdbc
			.sql("update nrm_notification set read_at = :now where id = :id and read_at is null and (recipient_user = :user"
					+ groups + ")")
			.param("now", EngineClock.now().atOffset(ZoneOffset.UTC))
			.param("id", id)
			.param("user", userId);
		if (!groupIds.isEmpty()) {
			update = update.param("groups", List.copyOf(groupIds));
		}
		return update.update() == 1;
	}

	/** What it says: its stored text; for a notification older than stored texts, its English subject. */
	private static Text subject(ResultSet rs) throws SQLException {
		String text = rs.getString("subject_text");
		if (text != null) {
			return TextJson.read(text);
		}
		String subject = rs.getString("subject");
		return subject == null ? null : Text.said(subject);
	}

	private static Notification map(ResultSet rs, int row) throws SQLException {
		OffsetDateTime readAt = rs.getObject("read_at", OffsetDateTime.class);
		return new Notification(rs.getLong("id"), rs.getString("recipient_user"), rs.getString("recipient_group"),
				rs.getString("case_reference"), Notification.Kind.valueOf(rs.getString("kind")), subject(rs),
				rs.getObject("created_at", OffsetDateTime.class).toInstant(), readAt == null ? null : readAt.toInstant());
	}
}
