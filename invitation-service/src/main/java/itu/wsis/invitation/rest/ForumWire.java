package itu.wsis.invitation.rest;

import itu.wsis.events.Language;
import itu.wsis.invitation.domain.Forum;
import itu.wsis.invitation.domain.ForumDetails;
import itu.wsis.invitation.domain.ForumFormat;
import itu.wsis.support.validation.SingleLine;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;

import java.time.LocalDate;
import java.time.ZoneId;
import java.util.Map;
import java.util.TreeMap;
import java.util.UUID;

final class ForumWire {

    private ForumWire() {
    }

    /** Names and themes are keyed by language code (ar, en, es, fr, ru, zh); all six are required. */
    record ForumRequest(
            @NotBlank @Size(max = 40) @Pattern(regexp = "[A-Z0-9][A-Z0-9-]*", message = "upper-case letters, digits and dashes, e.g. WSIS-2022") String code,
            @NotNull Map<String, @SingleLine @Size(max = 300) String> names,
            @NotNull Map<String, @SingleLine @Size(max = 500) String> themes,
            LocalDate virtualPhaseStart,
            @NotNull LocalDate inPersonStart,
            @NotNull LocalDate inPersonEnd,
            @NotBlank @SingleLine @Size(max = 300) String venue,
            @NotNull ForumFormat format,
            @NotBlank String timeZone,
            @NotBlank @Size(max = 500) String forumSiteUrl,
            @NotBlank @Size(max = 500) String speakingRequestUrl,
            @Size(max = 500) String partnershipUrl) {

        ForumDetails toDomain() {
            Validation v = new Validation();
            Map<Language, String> n = v.languages("names", names, true);
            Map<Language, String> t = v.languages("themes", themes, true);
            ZoneId zone = v.zone("timeZone", timeZone);
            if (inPersonEnd.isBefore(inPersonStart)) {
                v.add("inPersonEnd", "must not be before inPersonStart");
            }
            if (virtualPhaseStart != null && virtualPhaseStart.isAfter(inPersonEnd)) {
                v.add("virtualPhaseStart", "must not be after the in-person week");
            }
            String site = v.url("forumSiteUrl", forumSiteUrl, true);
            String speaking = v.url("speakingRequestUrl", speakingRequestUrl, true);
            String partnership = v.url("partnershipUrl", partnershipUrl, false);
            v.throwIfAny();
            return new ForumDetails(code, n, t, virtualPhaseStart, inPersonStart, inPersonEnd, venue.trim(), format,
                    zone, site, speaking, partnership);
        }
    }

    record ForumResponse(UUID id, long revision, String code, Map<String, String> names, Map<String, String> themes,
                         LocalDate virtualPhaseStart, LocalDate inPersonStart, LocalDate inPersonEnd, String venue,
                         ForumFormat format, String timeZone, String forumSiteUrl, String speakingRequestUrl,
                         String partnershipUrl) {

        static ForumResponse of(Forum forum) {
            ForumDetails d = forum.details();
            return new ForumResponse(forum.id(), forum.revision(), d.code(), byCode(d.names()), byCode(d.themes()),
                    d.virtualPhaseStart(), d.inPersonStart(), d.inPersonEnd(), d.venue(), d.format(),
                    d.timeZone().getId(), d.forumSiteUrl(), d.speakingRequestUrl(), d.partnershipUrl());
        }
    }

    static <T> Map<String, T> byCode(Map<Language, T> byLanguage) {
        Map<String, T> result = new TreeMap<>();
        byLanguage.forEach((language, value) -> result.put(language.code(), value));
        return result;
    }
}
