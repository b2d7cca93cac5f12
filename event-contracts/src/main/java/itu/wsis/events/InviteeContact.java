package itu.wsis.events;

import java.util.List;
import java.util.UUID;

/**
 * What a consumer needs to address an invitee. Personal data: only notification-service stores the name, form of
 * address and addresses; the other consumers keep member state, rank and language for eligibility and statistics.
 */
public record InviteeContact(
        UUID inviteeId,
        String memberState,
        String fullName,
        String formOfAddress,
        Rank rank,
        String title,
        String email,
        List<String> cc,
        Language preferredLanguage,
        String timeZone) {

    public InviteeContact {
        cc = cc == null ? List.of() : List.copyOf(cc);
    }
}
