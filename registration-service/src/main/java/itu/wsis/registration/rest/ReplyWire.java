package itu.wsis.registration.rest;

import itu.wsis.events.ParticipationMode;
import itu.wsis.events.ReplyChannel;
import itu.wsis.events.ReplyStatus;
import itu.wsis.registration.domain.DelegationMember;
import itu.wsis.registration.domain.Invitation;
import itu.wsis.registration.domain.LateReplyPolicy;
import itu.wsis.registration.domain.Reply;
import itu.wsis.registration.domain.ReplyContent;
import itu.wsis.registration.domain.ReplyStatistics;
import itu.wsis.support.text.EmailAddress;
import itu.wsis.support.validation.Email;
import itu.wsis.support.validation.SingleLine;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;

import java.time.Instant;
import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/** The JSON of the reply endpoints. Unknown properties are refused (shared config), so no status can be slipped in. */
public final class ReplyWire {

    private ReplyWire() {
    }

    /** Names and titles are single lines (they go into receipts); the address follows the platform's one rule. */
    public record DelegateRequest(
            @NotBlank @SingleLine @Size(max = 200) String name,
            @NotBlank @SingleLine @Size(max = 200) String title,
            @NotBlank @Email @Size(max = 254) String email,
            @Size(max = 500) String accessibilityNeed,
            boolean headOfDelegation) {

        DelegationMember toDomain() {
            return new DelegationMember(name.strip(), title.strip(), EmailAddress.trimSpaces(email),
                    accessibilityNeed == null || accessibilityNeed.isBlank() ? null : accessibilityNeed.strip(),
                    headOfDelegation);
        }
    }

    public record AcceptRequest(
            @NotNull ParticipationMode mode,
            @NotNull @Size(min = 1, max = 100) List<@Valid @NotNull DelegateRequest> delegation) {
    }

    public record DeclineRequest(@Size(max = 2000) String reason) {
    }

    /** A reply received by correspondence, as the secretariat transcribes it. */
    public record CorrespondenceRequest(
            @NotNull ReplyStatus status,
            ParticipationMode mode,
            @Size(max = 100) List<@Valid @NotNull DelegateRequest> delegation,
            @Size(max = 2000) String reason,
            @NotNull ReplyChannel channel,
            @NotBlank @SingleLine @Size(max = 100) String documentReference,
            @NotNull LocalDate documentDate) {
    }

    /** A correction of the recorded reply; the note explains it in the history. */
    public record CorrectionRequest(
            @NotNull ReplyStatus status,
            ParticipationMode mode,
            @Size(max = 100) List<@Valid @NotNull DelegateRequest> delegation,
            @Size(max = 2000) String reason,
            @NotNull ReplyChannel channel,
            @NotBlank @Size(max = 2000) String note) {
    }

    public record SettingsRequest(@NotNull LateReplyPolicy lateReplyPolicy, @NotNull Integer maxDelegationSize) {
    }

    public record SettingsResponse(UUID forumId, LateReplyPolicy lateReplyPolicy, int maxDelegationSize,
                                   boolean defaults) {
    }

    public record DeadlineResponse(LocalDate date, String timeZone, Instant endsAt) {
    }

    public record DelegateResponse(String name, String title, String email, String accessibilityNeed,
                                   boolean headOfDelegation) {

        static DelegateResponse of(DelegationMember m) {
            return new DelegateResponse(m.name(), m.title(), m.email(), m.accessibilityNeed(), m.headOfDelegation());
        }
    }

    /** A reply version as the invitee sees it: who recorded it is "you" or "the secretariat", no staff names. */
    public record ReplyResponse(int version, ReplyStatus status, ParticipationMode mode,
                                List<DelegateResponse> delegation, String declineReason, ReplyChannel channel,
                                boolean late, boolean correction, Instant recordedAt, boolean recordedBySecretariat) {

        static ReplyResponse of(Reply r) {
            ReplyContent c = r.content();
            return new ReplyResponse(r.version(), c.status(), c.mode(), c.delegation().stream().map(DelegateResponse::of).toList(),
                    c.declineReason(), r.channel(), r.late(), r.correction(), r.recordedAt(), !r.byInvitee());
        }
    }

    /** A reply version in the secretariat's history: who recorded it, from which document, and why. */
    public record StaffReplyResponse(int version, ReplyStatus status, ParticipationMode mode,
                                     List<DelegateResponse> delegation, String declineReason, ReplyChannel channel,
                                     boolean late, boolean correction, Instant recordedAt, String recordedBy,
                                     String documentReference, LocalDate documentDate, String note) {

        static StaffReplyResponse of(Reply r) {
            ReplyContent c = r.content();
            return new StaffReplyResponse(r.version(), c.status(), c.mode(),
                    c.delegation().stream().map(DelegateResponse::of).toList(), c.declineReason(), r.channel(),
                    r.late(), r.correction(), r.recordedAt(), r.recordedBy(), r.documentReference(),
                    r.documentDate(), r.note());
        }
    }

    /** The invitee's own invitation: forum, letter, deadline, current reply. */
    public record InvitationResponse(UUID invitationId, String forumCode, Map<String, String> forumNames,
                                     String letterReference, DeadlineResponse deadline, boolean deadlinePassed,
                                     ReplyResponse reply) {

        static InvitationResponse of(Invitation i, Map<String, String> forumNames, boolean deadlinePassed) {
            return new InvitationResponse(i.invitationId(), i.forumCode(), forumNames, i.letterReference(),
                    new DeadlineResponse(i.deadline().date(), i.deadline().zone().getId(), i.deadline().endsAt()),
                    deadlinePassed, i.currentReply().map(ReplyResponse::of).orElse(null));
        }
    }

    /** Counts for one group; {@code inPerson} and {@code remote} count accepted replies only. */
    public record CountsResponse(long invited, long accepted, long declined, long withdrawn, long noReply,
                                 long inPerson, long remote, long onTime, long late) {

        static CountsResponse of(ReplyStatistics.Counts c) {
            return new CountsResponse(c.invited(), c.accepted(), c.declined(), c.withdrawn(), c.noReply(), c.inPerson(),
                    c.remote(), c.onTime(), c.late());
        }
    }

    /** Current replies of a forum's valid invitations; revoked invitations are only counted, apart. */
    public record StatisticsResponse(UUID forumId, CountsResponse total, Map<String, CountsResponse> byLanguage,
                                     Map<String, CountsResponse> byMemberState, Map<String, CountsResponse> byRegion,
                                     long revoked) {

        static StatisticsResponse of(UUID forumId, ReplyStatistics.Summary s) {
            return new StatisticsResponse(forumId, CountsResponse.of(s.total()), map(s.byLanguage()),
                    map(s.byMemberState()), map(s.byRegion()), s.revoked());
        }

        private static Map<String, CountsResponse> map(Map<String, ReplyStatistics.Counts> counts) {
            Map<String, CountsResponse> view = new LinkedHashMap<>();
            counts.forEach((key, c) -> view.put(key, CountsResponse.of(c)));
            return view;
        }
    }

    static List<DelegationMember> members(List<DelegateRequest> delegation) {
        return delegation == null ? List.of() : delegation.stream().map(DelegateRequest::toDomain).toList();
    }
}
