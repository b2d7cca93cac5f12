package itu.wsis.notification.service;

import itu.wsis.notification.config.NotificationConfig;
import itu.wsis.notification.domain.ReminderPolicy;
import itu.wsis.notification.domain.WorkingTime;
import jakarta.enterprise.context.ApplicationScoped;

import java.time.DayOfWeek;
import java.time.LocalTime;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/** The configured reminder policy, built once from {@code wsis.notifications.reminders.*}. */
@ApplicationScoped
public class ReminderPolicies {

    private final ReminderPolicy reminderPolicy;

    public ReminderPolicies(NotificationConfig config) {
        NotificationConfig.Reminders r = config.reminders();
        Map<String, Set<DayOfWeek>> byState = new HashMap<>();
        r.weekendDaysByMemberState().forEach((state, days) -> byState.put(state, daySet(days)));
        this.reminderPolicy = new ReminderPolicy(r.responseOffsets(), r.speakingRequestOffsets(),
                new WorkingTime(LocalTime.parse(r.windowStart()), LocalTime.parse(r.windowEnd()),
                        daySet(r.weekendDays()), byState), r.minimumLead());
    }

    private static Set<DayOfWeek> daySet(List<DayOfWeek> days) {
        return days.isEmpty() ? EnumSet.noneOf(DayOfWeek.class) : EnumSet.copyOf(days);
    }

    public ReminderPolicy reminderPolicy() {
        return reminderPolicy;
    }
}
