package itu.wsis.registration.domain;

import itu.wsis.events.ParticipationMode;
import itu.wsis.events.ReplyStatus;

import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * What a reply says, whoever records it: attending (how, with whom), not attending (why), or withdrawn.
 * The factories enforce the rules that depend on the status and on the forum's delegation size.
 */
public record ReplyContent(ReplyStatus status, ParticipationMode mode, List<DelegationMember> delegation,
                           String declineReason) {

    public ReplyContent {
        delegation = delegation == null ? List.of() : List.copyOf(delegation);
    }

    public static ReplyContent accept(ParticipationMode mode, List<DelegationMember> delegation, int maxDelegationSize) {
        if (mode == null) {
            throw new InvalidReply("mode", "IN_PERSON or REMOTE is required to accept");
        }
        if (delegation == null || delegation.isEmpty()) {
            throw new InvalidReply("delegation", "a delegation with its head is required to accept");
        }
        if (delegation.size() > maxDelegationSize) {
            throw new InvalidReply("delegation",
                    "at most " + maxDelegationSize + " members may be registered for this forum");
        }
        long heads = delegation.stream().filter(DelegationMember::headOfDelegation).count();
        if (heads != 1) {
            throw new InvalidReply("delegation", "exactly one member must be head of delegation; found " + heads);
        }
        Set<String> emails = new HashSet<>();
        for (int i = 0; i < delegation.size(); i++) {
            if (!emails.add(delegation.get(i).email().trim().toLowerCase(Locale.ROOT))) {
                throw new InvalidReply("delegation[" + i + "].email", "already given for another member");
            }
        }
        return new ReplyContent(ReplyStatus.ACCEPTED, mode, delegation, null);
    }

    public static ReplyContent decline(String reason) {
        return new ReplyContent(ReplyStatus.DECLINED, null, List.of(), blankToNull(reason));
    }

    public static ReplyContent withdrawal() {
        return new ReplyContent(ReplyStatus.WITHDRAWN, null, List.of(), null);
    }

    /** For replies the secretariat records: the status decides which of the other fields may be given. */
    public static ReplyContent of(ReplyStatus status, ParticipationMode mode, List<DelegationMember> delegation,
                                  String reason, int maxDelegationSize) {
        if (status == null) {
            throw new InvalidReply("status", "ACCEPTED, DECLINED or WITHDRAWN is required");
        }
        if (status == ReplyStatus.ACCEPTED) {
            if (blankToNull(reason) != null) {
                throw new InvalidReply("reason", "only a declined reply has a reason");
            }
            return accept(mode, delegation, maxDelegationSize);
        }
        if (mode != null) {
            throw new InvalidReply("mode", "only an accepted reply has a participation mode");
        }
        if (delegation != null && !delegation.isEmpty()) {
            throw new InvalidReply("delegation", "only an accepted reply has a delegation");
        }
        if (status == ReplyStatus.WITHDRAWN && blankToNull(reason) != null) {
            throw new InvalidReply("reason", "only a declined reply has a reason");
        }
        return status == ReplyStatus.DECLINED ? decline(reason) : withdrawal();
    }

    private static String blankToNull(String text) {
        return text == null || text.isBlank() ? null : text.strip();
    }
}
