package itu.wsis.invitation.domain;

import itu.wsis.events.Language;
import itu.wsis.events.Rank;

import java.time.ZoneId;
import java.util.List;
import java.util.Locale;

/** A validated invitee. */
public record InviteeDetails(
        String memberState,
        String fullName,
        FormOfAddress formOfAddress,
        Rank rank,
        String title,
        String ministry,
        String email,
        List<String> cc,
        Language preferredLanguage,
        ZoneId timeZone) {

    public InviteeDetails {
        cc = cc == null ? List.of() : List.copyOf(cc);
    }

    /**
     * The natural key: Member State plus the normalised e-mail address. The same minister listed twice, or
     * re-imported with a differently capitalised address, is one person; the same shared mailbox used by two
     * Member States' delegations is two.
     */
    public NaturalKey naturalKey() {
        return new NaturalKey(memberState, normalizeEmail(email));
    }

    public static String normalizeEmail(String email) {
        return email.trim().toLowerCase(Locale.ROOT);
    }

    public record NaturalKey(String memberState, String normalizedEmail) {
    }
}
