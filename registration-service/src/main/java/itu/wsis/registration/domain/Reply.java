package itu.wsis.registration.domain;

import itu.wsis.events.ReplyChannel;

import java.time.Instant;
import java.time.LocalDate;

/**
 * One version of a reply, as kept in the history: what was said, through which channel, by whom and when.
 * {@code recordedBy} is {@link #BY_INVITEE} for the web, otherwise the staff member's user name.
 */
public record Reply(
        int version,
        ReplyContent content,
        ReplyChannel channel,
        boolean late,
        boolean correction,
        Instant recordedAt,
        String recordedBy,
        String documentReference,
        LocalDate documentDate,
        String note) {

    public static final String BY_INVITEE = "invitee";

    public boolean byInvitee() {
        return BY_INVITEE.equals(recordedBy);
    }
}
