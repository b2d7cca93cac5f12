package itu.wsis.registration.service;

import io.quarkus.hibernate.reactive.panache.common.WithSession;
import io.quarkus.hibernate.reactive.panache.common.WithTransaction;
import io.smallrye.mutiny.Uni;
import itu.wsis.registration.config.RegistrationConfig;
import itu.wsis.registration.domain.DelegationMember;
import itu.wsis.registration.domain.ForumReply;
import itu.wsis.registration.domain.ForumSettings;
import itu.wsis.registration.domain.ItuRegion;
import itu.wsis.registration.domain.Reply;
import itu.wsis.registration.domain.ReplyStatistics;
import itu.wsis.registration.repository.ForumSettingsEntity;
import itu.wsis.registration.repository.ReplyRepository;
import itu.wsis.support.csv.SpreadsheetCsv;
import jakarta.enterprise.context.ApplicationScoped;

import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

/** Per-forum settings, statistics and the export of replies and delegations. */
@ApplicationScoped
public class ForumService {

    static final List<String> EXPORT_HEADER = List.of(
            "invitation_id", "letter_reference", "member_state", "itu_region", "language", "rank",
            "reply_status", "participation_mode", "late", "channel", "reply_version", "replied_at",
            "decline_reason", "delegate_name", "delegate_title", "delegate_email", "head_of_delegation",
            "accessibility_need");

    private final ReplyRepository replies;
    private final RegistrationConfig config;
    private final Clock clock;

    public ForumService(ReplyRepository replies, RegistrationConfig config, Clock clock) {
        this.replies = replies;
        this.config = config;
        this.clock = clock;
    }

    /** The settings in force: the forum's own, or the configured defaults. */
    public record EffectiveSettings(ForumSettings settings, boolean defaults) {
    }

    @WithSession
    public Uni<EffectiveSettings> settings(UUID forumId) {
        return ForumSettingsEntity.<ForumSettingsEntity>findById(forumId).map(entity -> entity == null
                ? new EffectiveSettings(new ForumSettings(config.defaults().lateReplyPolicy(),
                config.defaults().maxDelegationSize()), true)
                : new EffectiveSettings(new ForumSettings(entity.lateReplyPolicy, entity.maxDelegationSize), false));
    }

    @WithTransaction
    public Uni<EffectiveSettings> updateSettings(UUID forumId, ForumSettings settings, String updatedBy) {
        return ForumSettingsEntity.upsert(forumId, settings.lateReplyPolicy(), settings.maxDelegationSize(),
                clock.instant(), updatedBy).replaceWith(new EffectiveSettings(settings, false));
    }

    public Uni<ReplyStatistics.Summary> statistics(UUID forumId) {
        return replies.forumReplies(forumId).map(all -> {
            List<ReplyStatistics.Entry> valid = all.stream().filter(r -> !r.revoked())
                    .map(r -> new ReplyStatistics.Entry(r.memberState(), r.language(),
                            r.current().map(c -> c.content().status()),
                            r.current().map(c -> c.content().mode()).orElse(null),
                            r.current().map(Reply::late).orElse(false)))
                    .toList();
            return ReplyStatistics.of(valid, all.size() - valid.size());
        });
    }

    /** One line per delegate of an accepted reply, one line per other invitation; revoked ones are left out. */
    public Uni<String> exportCsv(UUID forumId) {
        return replies.forumReplies(forumId).map(all -> {
            StringBuilder csv = new StringBuilder(SpreadsheetCsv.BOM).append(SpreadsheetCsv.row(EXPORT_HEADER));
            for (ForumReply invitation : all) {
                if (invitation.revoked()) {
                    continue;
                }
                List<String> common = common(invitation);
                List<DelegationMember> delegation = invitation.current()
                        .map(r -> r.content().delegation()).orElse(List.of());
                if (delegation.isEmpty()) {
                    csv.append(SpreadsheetCsv.row(concat(common, List.of("", "", "", "", ""))));
                }
                for (DelegationMember member : delegation) {
                    csv.append(SpreadsheetCsv.row(concat(common, List.of(member.name(), member.title(), member.email(),
                            Boolean.toString(member.headOfDelegation()),
                            Optional.ofNullable(member.accessibilityNeed()).orElse("")))));
                }
            }
            return csv.toString();
        });
    }

    private static List<String> common(ForumReply invitation) {
        Optional<Reply> reply = invitation.current();
        return List.of(
                invitation.invitationId().toString(),
                invitation.letterReference(),
                invitation.memberState(),
                ItuRegion.of(invitation.memberState()).map(ItuRegion::label).orElse(""),
                invitation.language() == null ? "" : invitation.language().code(),
                invitation.rank().name(),
                reply.map(r -> r.content().status().name()).orElse("NO_REPLY"),
                reply.map(r -> r.content().mode() == null ? "" : r.content().mode().name()).orElse(""),
                reply.map(r -> Boolean.toString(r.late())).orElse(""),
                reply.map(r -> r.channel().name()).orElse(""),
                reply.map(r -> Integer.toString(r.version())).orElse(""),
                reply.map(r -> r.recordedAt().toString()).orElse(""),
                reply.map(r -> r.content().declineReason() == null ? "" : r.content().declineReason()).orElse(""));
    }

    private static List<String> concat(List<String> a, List<String> b) {
        List<String> all = new ArrayList<>(a);
        all.addAll(b);
        return all;
    }
}
