package org.opennrm.notifications.internal;

import java.util.List;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
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

	NotificationController(JdbcNotifications notifications) {
		this.notifications = notifications;
	}

	@GetMapping
	@Operation(summary = "My notifications and my groups', newest first")
	List<Notification> list(@RequestParam(defaultValue = "false") boolean unreadOnly,
			@RequestParam(defaultValue = "50") @Min(1) @Max(200) int limit) {
		NrmUser user = CurrentUser.get();
		return this.notifications.of(user.userId(), user.groupIds(), unreadOnly, limit);
	}

	@PostMapping("/{id}/read")
	@Operation(summary = "Mark one of my notifications read")
	ResponseEntity<Void> read(@PathVariable @Min(1) long id) {
		NrmUser user = CurrentUser.get();
		if (!this.notifications.markRead(id, user.userId(), user.groupIds())) {
			throw Problems.notFound("No such unread notification of yours.");
		}
		return ResponseEntity.noContent().build();
	}
}
