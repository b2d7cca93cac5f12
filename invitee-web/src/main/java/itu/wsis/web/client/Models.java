package itu.wsis.web.client;

import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * The services' JSON as these pages read it: only the members they show (unknown members are ignored), enums
 * as strings so that a new value on the server degrades to its name instead of failing the page.
 */
public final class Models {

    private Models() {
    }

    public record Deadline(LocalDate date, String timeZone, Instant endsAt) {
    }

    public record Forum(String code, Map<String, String> names, Map<String, String> themes,
                        LocalDate virtualPhaseStart, LocalDate inPersonStart, LocalDate inPersonEnd, String venue,
                        String format, String timeZone, String forumSiteUrl, String speakingRequestUrl,
                        String partnershipUrl) {
    }

    public record Text(String subject, String body) {
    }

    public record Letter(String reference, int revision, LocalDate letterDate, String signatoryName,
                         String signatoryTitle, String contactName, String contactEmail, String contactPhone,
                         String originalLanguage, Map<String, Text> texts) {
    }

    /** invitation-service: GET /invitations/{id}/letter. */
    public record LetterView(UUID invitationId, String status, String memberState, String preferredLanguage,
                             String inviteeTimeZone, Forum forum, Letter letter, Deadline responseDeadline,
                             Deadline speakingRequestDeadline) {
    }

    public record Delegate(String name, String title, String email, String accessibilityNeed,
                           boolean headOfDelegation) {
    }

    public record Reply(int version, String status, String mode, List<Delegate> delegation, String declineReason,
                        boolean late, Instant recordedAt, boolean recordedBySecretariat) {

        public static final String NONE = "NONE";

        public boolean accepted() {
            return "ACCEPTED".equals(status);
        }

        public boolean declined() {
            return "DECLINED".equals(status);
        }

        /** An acceptance to attend in Geneva: the only one registration-service writes visa letters for. */
        public boolean acceptedInPerson() {
            return accepted() && "IN_PERSON".equals(mode);
        }
    }

    /** registration-service: GET /invitations/{id}. */
    public record InvitationView(UUID invitationId, Deadline deadline, boolean deadlinePassed, Reply reply) {
    }

    /** {@code kind}: HIGH_LEVEL_POLICY_SESSION or MINISTERIAL_ROUND_TABLE (whose capacity is in seats). */
    public record Session(UUID id, Map<String, String> titles, Instant startsAt, Instant endsAt, String timeZone,
                          int capacity, int allocated, int statementMinutes, List<String> modalities, String room,
                          String kind) {

        public boolean roundTable() {
            return Api.ROUND_TABLE.equals(kind);
        }
    }

    public record Speaker(String name, String title, String rank, boolean substitute) {
    }

    /** {@code remoteJoinUrl} is given only to a REMOTE_LIVE request that holds the seat. */
    public record Seat(UUID sessionId, int position, Instant plannedStart, String room, String remoteJoinUrl) {
    }

    /**
     * A request of the delegation, as speaking-request-service answers it. {@code rankConfirmation} is present when
     * the speaker's claimed rank needs the secretariat's confirmation (status PENDING, CONFIRMED or REFUSED);
     * {@code rankForPrecedence} is the rank the request is placed by. {@code sessionKind} MINISTERIAL_ROUND_TABLE: a
     * request for a seat at the round table it names alone in {@code preferredSessionIds}; otherwise (or null, as
     * before the kind existed) the request for speaking time.
     */
    public record SpeakingRequest(UUID id, Speaker speaker, List<UUID> preferredSessionIds,
                                  String statementLanguage, String modality, String topic, Instant submittedAt,
                                  String status, Seat seat, Integer waitingPosition, String statusReason,
                                  String rankForPrecedence, RankConfirmation rankConfirmation, String sessionKind) {

        public boolean forASeat() {
            return Api.ROUND_TABLE.equals(sessionKind);
        }

        /** Allocated or on the waiting list: the request that can still change and be withdrawn. */
        public boolean active() {
            return "ALLOCATED".equals(status) || "WAITLISTED".equals(status);
        }

        /**
         * Received and waiting for the seats to be assigned: WAITLISTED without a waiting position, which the
         * page words as "requested" rather than "on the waiting list".
         */
        public boolean awaitingPlacement() {
            return "WAITLISTED".equals(status) && waitingPosition == null;
        }

        /** Delivered live from elsewhere: the seat comes with a join link, not a room. */
        public boolean remoteLive() {
            return "REMOTE_LIVE".equals(modality);
        }

        /** The round table a seat request is for; null for the request for speaking time. */
        public UUID roundTable() {
            return forASeat() && preferredSessionIds != null && !preferredSessionIds.isEmpty()
                    ? preferredSessionIds.get(0) : null;
        }
    }

    /**
     * speaking-request-service: GET /invitations/{id}/speaking-overview, all that the pages show about speaking in one
     * call: the forum's sessions of both kinds, and the delegation's latest request of each kind.
     */
    public record SpeakingOverview(List<Session> sessions, List<SpeakingRequest> requests) {
    }

    public record RankConfirmation(String status) {
    }

    public record FieldError(String field, String message) {
    }

    /** An RFC 9457 problem from a service; {@code language} is set on 410s of invitation-service. */
    /** {@code retryAfterSeconds} comes with a 429 (the services' rate limits). */
    public record Problem(String type, String title, int status, String detail, List<FieldError> errors,
                          String language, Long retryAfterSeconds) {

        public String slug() {
            return type != null && type.startsWith("urn:wsis:problem:") ? type.substring("urn:wsis:problem:".length())
                    : "";
        }
    }

    // ---- what the pages send

    public record DelegateBody(String name, String title, String email, String accessibilityNeed,
                               boolean headOfDelegation) {
    }

    public record AcceptBody(String mode, List<DelegateBody> delegation) {
    }

    public record DeclineBody(String reason) {
    }

    public record SpeakerBody(String name, String title, String rank, boolean substitute) {
    }

    public record SpeakingRequestBody(SpeakerBody speaker, List<UUID> preferredSessionIds, String statementLanguage,
                                      String modality, String topic) {
    }
}
