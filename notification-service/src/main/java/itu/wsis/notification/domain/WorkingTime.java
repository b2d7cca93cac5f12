package itu.wsis.notification.domain;

import java.time.DayOfWeek;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.util.EnumSet;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;

/**
 * When a reminder may reach its recipient: inside the working-hours window, on a working day, both in the recipient's
 * own zone. Which days are the weekend depends on the country, not on the zone (Asia/Dubai and Asia/Riyadh share an
 * offset but not a weekend), so it is configured per Member State, with a default for the others.
 */
public final class WorkingTime {

    private final LocalTime windowStart;
    private final LocalTime windowEnd;
    private final Set<DayOfWeek> defaultWeekend;
    private final Map<String, Set<DayOfWeek>> weekendByMemberState;

    public WorkingTime(LocalTime windowStart, LocalTime windowEnd, Set<DayOfWeek> defaultWeekend,
                       Map<String, Set<DayOfWeek>> weekendByMemberState) {
        if (!windowStart.isBefore(windowEnd)) {
            throw new IllegalArgumentException("the working-hours window must start before it ends");
        }
        this.windowStart = windowStart;
        this.windowEnd = windowEnd;
        this.defaultWeekend = defaultWeekend.isEmpty() ? EnumSet.noneOf(DayOfWeek.class) : EnumSet.copyOf(defaultWeekend);
        this.weekendByMemberState = new TreeMap<>(String.CASE_INSENSITIVE_ORDER);
        weekendByMemberState.forEach((state, days) -> {
            if (days.size() == DayOfWeek.values().length) {
                throw new IllegalArgumentException("a weekend of seven days leaves no day for a reminder: " + state);
            }
            this.weekendByMemberState.put(state.trim(), days.isEmpty() ? EnumSet.noneOf(DayOfWeek.class)
                    : EnumSet.copyOf(days));
        });
        if (this.defaultWeekend.size() == DayOfWeek.values().length) {
            throw new IllegalArgumentException("a weekend of seven days leaves no day for a reminder");
        }
    }

    /** 09:00 to 18:00, Saturday and Sunday off everywhere. */
    public static WorkingTime defaults() {
        return new WorkingTime(LocalTime.of(9, 0), LocalTime.of(18, 0), EnumSet.of(DayOfWeek.SATURDAY,
                DayOfWeek.SUNDAY), Map.of());
    }

    public Set<DayOfWeek> weekend(String memberState) {
        if (memberState == null) {
            return defaultWeekend;
        }
        return weekendByMemberState.getOrDefault(memberState.trim().toUpperCase(Locale.ROOT), defaultWeekend);
    }

    public boolean contains(Instant instant, ZoneId zone, String memberState) {
        ZonedDateTime local = instant.atZone(zone);
        LocalTime time = local.toLocalTime();
        return !weekend(memberState).contains(local.getDayOfWeek())
                && !time.isBefore(windowStart) && time.isBefore(windowEnd);
    }

    /**
     * The first instant at or after {@code instant} that is working time for the recipient: {@code instant} itself
     * when it is, else the start of the next window on a working day. A window start that a DST gap skips begins
     * at the first valid local time after it.
     */
    public Instant next(Instant instant, ZoneId zone, String memberState) {
        if (contains(instant, zone, memberState)) {
            return instant;
        }
        Set<DayOfWeek> weekend = weekend(memberState);
        LocalDate day = instant.atZone(zone).toLocalDate();
        for (int i = 0; i < 8; i++, day = day.plusDays(1)) {
            if (weekend.contains(day.getDayOfWeek())) {
                continue;
            }
            Instant start = day.atTime(windowStart).atZone(zone).toInstant();
            if (!start.isBefore(instant)) {
                return start;
            }
        }
        throw new IllegalStateException("no working day within a week: the weekend takes every day");
    }
}
