/**
 * Notifications to users and groups (deadline reminders, escalations, blocked steps), kept until read and shown
 * through {@code GET /api/notifications}. They name a case and a task, never a person.
 */
@org.springframework.modulith.ApplicationModule(displayName = "Notifications")
package org.opennrm.notifications;
