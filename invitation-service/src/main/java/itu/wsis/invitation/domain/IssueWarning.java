package itu.wsis.invitation.domain;

import itu.wsis.events.Deadline;

import java.time.Instant;
import java.time.format.DateTimeFormatter;
import java.time.format.FormatStyle;
import java.util.List;
import java.util.Locale;

/**
 * Something the secretariat should know about invitations it has just issued, although issuing them was allowed.
 * Only one so far: the letter's reply deadline had already passed, so the invitations are expired from the start;
 * their emails ask for no action, and a reply is expected only if the secretariat extends the deadline.
 */
public record IssueWarning(String code, String detail) {

    public static final String DEADLINE_PASSED = "deadline-passed";

    private static final DateTimeFormatter DATE = DateTimeFormatter.ofLocalizedDate(FormatStyle.LONG)
            .withLocale(Locale.UK);

    /** The warnings for invitations issued at {@code now} with this reply deadline; empty when there is none. */
    public static List<IssueWarning> forIssueAt(Instant now, Deadline responseDeadline) {
        if (responseDeadline == null || responseDeadline.endsAt() == null || !responseDeadline.hasPassedAt(now)) {
            return List.of();
        }
        return List.of(new IssueWarning(DEADLINE_PASSED, "The reply deadline of this letter ("
                + DATE.format(responseDeadline.date()) + ", " + responseDeadline.timeZone() + ") has passed: the "
                + "invitation is expired from the start and its email asks for no action. To expect a reply, extend "
                + "the invitation's deadline (POST /invitations/{id}/deadline-extension); the invitee is told."));
    }
}
