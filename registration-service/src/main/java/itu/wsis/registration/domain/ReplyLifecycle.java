package itu.wsis.registration.domain;

import itu.wsis.events.ReplyStatus;

import java.util.Optional;

/**
 * The life of a reply as a state machine: no reply, then ACCEPTED, DECLINED or WITHDRAWN, each new version a
 * transition. Who may take which transition depends on the deadline: the invitee decides until it, the
 * secretariat always can, and a correction rewrites the current version's content without judging time again.
 */
public final class ReplyLifecycle {

    public enum Kind {
        /** The first reply: InvitationAccepted or InvitationDeclined. */
        FIRST_REPLY,
        /** Any later reply other than a withdrawal: ReplyChanged. */
        CHANGE,
        /** ACCEPTED to WITHDRAWN: ReplyWithdrawn. */
        WITHDRAWAL,
        /** The secretariat corrected the record: ReplyChanged with correction set. */
        CORRECTION,
        /** The same reply again (a double click, a retried request): no new version, no event. */
        UNCHANGED
    }

    /** The outcome: what kind of version to write, its number and whether it counts as late. */
    public record Transition(Kind kind, ReplyStatus previousStatus, int version, boolean late) {
    }

    private ReplyLifecycle() {
    }

    /** A reply through the personal link, {@code timeliness} judged at the moment it arrives. */
    public static Transition byInvitee(Optional<Reply> current, ReplyContent wanted, Timeliness timeliness,
                                       LateReplyPolicy policy) {
        if (current.isPresent() && current.get().content().equals(wanted)) {
            return new Transition(Kind.UNCHANGED, current.get().content().status(), current.get().version(),
                    current.get().late());
        }
        boolean accepted = current.map(r -> r.content().status() == ReplyStatus.ACCEPTED).orElse(false);
        if (wanted.status() == ReplyStatus.WITHDRAWN) {
            requireAccepted(accepted);
        }
        if (timeliness.late() && accepted) {
            throw new ReplyRefused(ReplyRefused.Reason.LOCKED_AFTER_DEADLINE,
                    "The reply deadline has passed: an accepted invitation can no longer be changed or withdrawn"
                            + " online. Please write to the secretariat.");
        }
        if (timeliness.late() && policy == LateReplyPolicy.REJECT) {
            throw new ReplyRefused(ReplyRefused.Reason.DEADLINE_PASSED,
                    "The reply deadline has passed and this forum no longer takes replies online."
                            + " Please write to the secretariat.");
        }
        return next(current, wanted, timeliness.late());
    }

    /**
     * A reply received by correspondence and recorded by the secretariat. Never refused for lateness: the
     * secretariat is who decides on late replies; the version is flagged instead.
     */
    public static Transition bySecretariat(Optional<Reply> current, ReplyContent wanted, Timeliness timeliness) {
        if (wanted.status() == ReplyStatus.WITHDRAWN) {
            requireAccepted(current.map(r -> r.content().status() == ReplyStatus.ACCEPTED).orElse(false));
        }
        return next(current, wanted, timeliness.late());
    }

    /** A correction of the record keeps the lateness of the version it corrects: it was received then. */
    public static Transition correction(Optional<Reply> current, ReplyContent wanted) {
        Reply corrected = current.orElseThrow(() -> new ReplyRefused(ReplyRefused.Reason.NOTHING_TO_CORRECT,
                "There is no reply to correct yet; record the reply received instead."));
        return new Transition(Kind.CORRECTION, corrected.content().status(), corrected.version() + 1,
                corrected.late());
    }

    private static Transition next(Optional<Reply> current, ReplyContent wanted, boolean late) {
        if (current.isEmpty()) {
            return new Transition(Kind.FIRST_REPLY, null, 1, late);
        }
        Reply previous = current.get();
        Kind kind = wanted.status() == ReplyStatus.WITHDRAWN ? Kind.WITHDRAWAL : Kind.CHANGE;
        return new Transition(kind, previous.content().status(), previous.version() + 1, late);
    }

    private static void requireAccepted(boolean accepted) {
        if (!accepted) {
            throw new ReplyRefused(ReplyRefused.Reason.NOT_ACCEPTED,
                    "Only an accepted invitation can be withdrawn.");
        }
    }
}
