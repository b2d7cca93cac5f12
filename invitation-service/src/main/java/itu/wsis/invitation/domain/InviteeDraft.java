package itu.wsis.invitation.domain;

import java.util.List;

/** One invitee as received (a JSON object or a CSV row), before validation: every value is still raw text. */
public record InviteeDraft(
        String memberState,
        String fullName,
        String formOfAddress,
        String rank,
        String title,
        String ministry,
        String email,
        List<String> cc,
        String preferredLanguage,
        String timeZone) {
}
