package itu.wsis.invitation.rest;

import itu.wsis.events.Deadline;
import itu.wsis.events.Language;
import itu.wsis.events.Rank;
import itu.wsis.events.ReplyStatus;
import itu.wsis.invitation.domain.Invitation;
import itu.wsis.invitation.domain.InvitationStatus;
import itu.wsis.invitation.domain.IssueWarning;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.UUID;

final class InvitationWire {

    private InvitationWire() {
    }

    record IssueRequest(@NotNull UUID inviteeId) {
    }

    record RevokeRequest(@NotBlank @Size(max = 500) String reason) {
    }

    /** The new response deadline, a local date in the forum's zone; it must be later than the current one. */
    record ExtensionRequest(@NotNull LocalDate responseDeadline) {
    }

    /**
     * An invitation. {@code status} is the effective one (EXPIRED when unanswered past the deadline);
     * {@code replyStatus} is registration's last reply (ACCEPTED, DECLINED or WITHDRAWN). The personal link itself
     * is never here: only its version and expiry.
     */
    record InvitationResponse(UUID id, UUID letterId, int letterRevision, UUID inviteeId, UUID forumId,
                              InvitationStatus status, ReplyStatus replyStatus, int replyVersion, String memberState,
                              Language preferredLanguage, Rank rank, Deadline responseDeadline, int linkVersion,
                              Instant linkExpiresAt, Instant issuedAt, Instant statusChangedAt,
                              String revocationReason,
                              @Schema(description = "What the secretariat should know about an invitation it has just issued; only in the answer to an issue request, empty otherwise.")
                              List<WarningResponse> warnings) {

        static InvitationResponse of(Invitation i) {
            return of(i, List.of());
        }

        static InvitationResponse of(Invitation i, List<IssueWarning> warnings) {
            return new InvitationResponse(i.id(), i.letterId(), i.letterRevision(), i.inviteeId(), i.forumId(),
                    i.status(), i.replyStatus(), i.replyVersion(), i.memberState(), i.preferredLanguage(), i.rank(),
                    i.responseDeadline(), i.linkVersion(), i.linkExpiresAt(), i.issuedAt(), i.statusChangedAt(),
                    i.revocationReason(), WarningResponse.of(warnings));
        }
    }

    /**
     * Something to know about what was just done, although it was allowed. {@code code} is one of a list that may
     * grow: {@code deadline-passed} (issued after the letter's reply deadline: expired from the start, the email
     * asks for no action; extend the deadline to expect a reply).
     */
    record WarningResponse(@Schema(examples = "deadline-passed") String code, String detail) {

        static List<WarningResponse> of(List<IssueWarning> warnings) {
            return warnings.stream().map(w -> new WarningResponse(w.code(), w.detail())).toList();
        }
    }

    record BulkIssueResponse(UUID letterId, int letterRevision, int addressees, int issued, int alreadyIssued,
                             @Schema(description = "What the secretariat should know about the invitations this request issued (empty when none).")
                             List<WarningResponse> warnings) {
    }

    record CountsResponse(UUID letterId, long total, Map<InvitationStatus, Long> byStatus) {
    }
}
