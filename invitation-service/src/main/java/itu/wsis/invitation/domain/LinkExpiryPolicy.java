package itu.wsis.invitation.domain;

import itu.wsis.events.Deadline;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;

/**
 * A personal link works until the forum is over plus a grace period, so that late corrections after the
 * in-person week (delegation lists, withdrawals) can still be made through it.
 */
public final class LinkExpiryPolicy {

    private LinkExpiryPolicy() {
    }

    public static Instant expiresAt(LocalDate lastForumDay, ZoneId forumZone, Duration grace) {
        if (grace.isNegative()) {
            throw new IllegalArgumentException("the grace period cannot be negative");
        }
        return Deadline.endOf(lastForumDay, forumZone).plus(grace);
    }
}
