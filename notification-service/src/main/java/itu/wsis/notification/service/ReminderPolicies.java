package itu.wsis.notification.service;

import itu.wsis.notification.config.NotificationConfig;
import itu.wsis.notification.domain.ReminderPolicy;
import jakarta.enterprise.context.ApplicationScoped;

import java.time.LocalTime;

/** The configured reminder policy, built once from {@code wsis.notifications.reminders.*}. */
@ApplicationScoped
public class ReminderPolicies {

    private final ReminderPolicy reminderPolicy;

    public ReminderPolicies(NotificationConfig config) {
        NotificationConfig.Reminders r = config.reminders();
        this.reminderPolicy = new ReminderPolicy(r.responseOffsets(), r.speakingRequestOffsets(),
                LocalTime.parse(r.windowStart()), LocalTime.parse(r.windowEnd()), r.minimumLead());
    }

    public ReminderPolicy reminderPolicy() {
        return reminderPolicy;
    }
}
