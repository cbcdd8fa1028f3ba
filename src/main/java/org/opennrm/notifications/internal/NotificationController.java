package org.opennrm.notifications.internal;

import java.time.Instant;
import java.util.List;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import org.opennrm.i18n.Texts;
import org.opennrm.notifications.Notification;
import org.opennrm.platform.Problems;
import org.opennrm.security.CurrentUser;
import org.opennrm.security.NrmUser;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

@RestController
@RequestMapping(path = "/api/notifications", produces = MediaType.APPLICATION_JSON_VALUE)
@Tag(name = "Notifications", description = "Reminders and escalations for me and my groups")
class NotificationController {

	private final JdbcNotifications notifications;

	private final Texts texts;

	NotificationController(JdbcNotifications notifications, Texts texts) {
		this.notifications = notifications;
		this.texts = texts;
	}

	@GetMapping
	@Operation(summary = "My notifications and my groups', newest first")
	List<NotificationView> list(@RequestParam(defaultValue = "false") boolean unreadOnly,
			@RequestParam(defaultValue = "50") @Min(1) @Max(200) int limit) {
		NrmUser user = CurrentUser.get();
		return this.notifications.of(user.userId(), user.groupIds(), unreadOnly, limit)
			.stream()
			.map(notification -> new NotificationView(notification.id(), notification.recipientUser(),
					notification.recipientGroup(), notification.caseReference(), notification.kind(),
					notification.subject() == null ? null : this.texts.say(notification.subject()),
					notification.createdAt(), notification.readAt()))
			.toList();
	}

	/** A notification as its reader reads it: its subject in their language. */
	record NotificationView(long id, String recipientUser, String recipientGroup, String caseReference,
			Notification.Kind kind, String subject, Instant createdAt, Instant readAt) {
	}

	@PostMapping("/{id}/read")
	@Operation(summary = "Mark one of my notifications read")
	ResponseEntity<Void> read(@PathVariable @Min(1) long id) {
		NrmUser user = CurrentUser.get();
		if (!this.notifications.markRead(id, user.userId(), user.groupIds())) {
			throw Problems.notFound("problem.notification.notFound");
		}
		return ResponseEntity.noContent().build();
	}
}
