package itu.wsis.invitation.domain;

import itu.wsis.events.Language;

import java.time.LocalDate;
import java.time.ZoneId;
import java.util.Map;

/** What the secretariat states about a forum edition. */
public record ForumDetails(
        String code,
        Map<Language, String> names,
        Map<Language, String> themes,
        LocalDate virtualPhaseStart,
        LocalDate inPersonStart,
        LocalDate inPersonEnd,
        String venue,
        ForumFormat format,
        ZoneId timeZone,
        String forumSiteUrl,
        String speakingRequestUrl,
        String partnershipUrl) {

    public ForumDetails {
        names = Map.copyOf(names);
        themes = Map.copyOf(themes);
    }
}
