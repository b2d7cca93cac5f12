package itu.wsis.notification.domain;

import itu.wsis.events.Deadline;

import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

/**
 * Which reminders are due for one invitation at one instant.
 * <ul>
 *     <li>Offsets are counted back from each deadline: by default the response deadline at 7 and 2 days, for
 *     invitations with no reply; the speaking-request deadline at 3 days, for accepted invitations with no request.</li>
 *     <li>Only in the recipient's working time ({@link WorkingTime}): inside the working-hours window and not on
 *     a weekend day, both in the recipient's own zone; never at night, never on a Saturday in Geneva or a Friday in
 *     Riyadh. The sender checks it again before sending (a retried reminder may have drifted out of it).</li>
 *     <li>Never after a reply, a revocation or the deadline itself (the caller checks again at send time).</li>
 *     <li>After downtime, only the latest offset that has come due is sent (one email, not a burst), and only if the
 *     deadline is still at least {@code minimumLead} away; otherwise the missed reminder is skipped.</li>
 *     <li>"Never twice" is not decided here: it is the unique intent key per (invitation, kind, offset, deadline).</li>
 * </ul>
 */
public final class ReminderPolicy {

    public enum DeadlineType {
        RESPONSE(MessageKind.REMINDER_RESPONSE),
        SPEAKING_REQUEST(MessageKind.REMINDER_SPEAKING_REQUEST);

        private final MessageKind kind;

        DeadlineType(MessageKind kind) {
            this.kind = kind;
        }

        public MessageKind kind() {
            return kind;
        }
    }

    /** What the policy needs to know of an invitation; all from the contact directory. */
    public record OpenInvitation(UUID invitationId, ZoneId recipientZone, String memberState,
                                 Instant responseDeadline, Instant speakingRequestDeadline, boolean replied,
                                 boolean accepted, boolean speakingRequested, boolean revoked) {
    }

    public record Due(UUID invitationId, DeadlineType type, Duration offset, Instant deadline) {
        public MessageKind kind() {
            return type.kind();
        }
    }

    private final List<Duration> responseOffsets;
    private final List<Duration> speakingOffsets;
    private final WorkingTime workingTime;
    private final Duration minimumLead;

    public ReminderPolicy(List<Duration> responseOffsets, List<Duration> speakingOffsets, WorkingTime workingTime,
                          Duration minimumLead) {
        for (Duration d : concat(responseOffsets, speakingOffsets)) {
            if (d.isNegative() || d.isZero()) {
                throw new IllegalArgumentException("reminder offsets are positive durations before the deadline");
            }
        }
        this.responseOffsets = sortedLongestFirst(responseOffsets);
        this.speakingOffsets = sortedLongestFirst(speakingOffsets);
        this.workingTime = workingTime;
        this.minimumLead = minimumLead;
    }

    public static ReminderPolicy defaults() {
        return new ReminderPolicy(List.of(Duration.ofDays(7), Duration.ofDays(2)), List.of(Duration.ofDays(3)),
                WorkingTime.defaults(), Duration.ofHours(12));
    }

    /** The reminders to create now: at most one per deadline type. */
    public List<Due> due(OpenInvitation invitation, Instant now) {
        if (invitation.revoked() || !workingTime.contains(now, invitation.recipientZone(), invitation.memberState())) {
            return List.of();
        }
        List<Due> due = new ArrayList<>(2);
        if (!invitation.replied()) {
            latestDue(invitation, DeadlineType.RESPONSE, invitation.responseDeadline(), responseOffsets, now)
                    .ifPresent(due::add);
        }
        if (invitation.accepted() && !invitation.speakingRequested()) {
            latestDue(invitation, DeadlineType.SPEAKING_REQUEST, invitation.speakingRequestDeadline(),
                    speakingOffsets, now).ifPresent(due::add);
        }
        return due;
    }

    /** Whether a reminder already created may still go out now (re-checked by the sender just before sending). */
    public boolean stillUseful(OpenInvitation invitation, DeadlineType type, Instant deadline, Instant now) {
        if (invitation.revoked() || Deadline.hasPassed(deadline, now)) {
            return false;
        }
        Instant current = type == DeadlineType.RESPONSE ? invitation.responseDeadline()
                : invitation.speakingRequestDeadline();
        if (current == null || !current.equals(deadline)) {
            return false;
        }
        return type == DeadlineType.RESPONSE ? !invitation.replied()
                : invitation.accepted() && !invitation.speakingRequested();
    }

    public WorkingTime workingTime() {
        return workingTime;
    }

    private Optional<Due> latestDue(OpenInvitation invitation, DeadlineType type, Instant deadline,
                                    List<Duration> offsets, Instant now) {
        if (deadline == null || Deadline.hasPassed(deadline, now)) {
            return Optional.empty();
        }
        // Offsets are sorted longest first: the last one whose time has come is the one closest to the deadline.
        Duration latest = null;
        for (Duration offset : offsets) {
            if (!now.isBefore(deadline.minus(offset))) {
                latest = offset;
            }
        }
        if (latest == null) {
            return Optional.empty();
        }
        // A reminder that comes this close to the deadline would only be noise.
        if (Duration.between(now, deadline).compareTo(minimumLead) < 0) {
            return Optional.empty();
        }
        return Optional.of(new Due(invitation.invitationId(), type, latest, deadline));
    }

    private static List<Duration> sortedLongestFirst(List<Duration> offsets) {
        return offsets.stream().distinct().sorted(Comparator.reverseOrder()).toList();
    }

    private static List<Duration> concat(List<Duration> a, List<Duration> b) {
        List<Duration> all = new ArrayList<>(a);
        all.addAll(b);
        return all;
    }
}
