package itu.wsis.invitation.domain;

import itu.wsis.events.Language;
import org.junit.jupiter.api.Test;

import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

class InviteeValidatorTest {

    static InviteeDraft draft(String state, String email) {
        return new InviteeDraft(state, "Ana Lindqvist", "madam_minister", "MINISTER", null, null, email,
                List.of(), null, null);
    }

    @Test
    void languageAndZoneDefaultFromTheMemberState() {
        InviteeValidator.Result result = InviteeValidator.validate(List.of(draft("sn", "Ana@Example.org")));

        assertThat(result.ok()).isTrue();
        InviteeDetails details = result.valid().get(0);
        assertThat(details.memberState()).isEqualTo("SN");
        assertThat(details.preferredLanguage()).isEqualTo(Language.FR);
        assertThat(details.timeZone().getId()).isEqualTo("Africa/Dakar");
        assertThat(details.naturalKey()).isEqualTo(new InviteeDetails.NaturalKey("SN", "ana@example.org"));
    }

    @Test
    void everyBadCellIsReportedWithItsRowAndField() {
        InviteeValidator.Result result = InviteeValidator.validate(List.of(
                draft("CH", "ok@example.org"),
                new InviteeDraft("XX", " ", "DUKE", "KING", null, null, "not-an-email", List.of("also bad"), "de",
                        "Mars/Olympus"),
                draft("CH", "OK@example.org ")));

        assertThat(result.ok()).isFalse();
        assertThat(result.errors()).extracting(RowError::row, RowError::field).containsExactly(
                org.assertj.core.groups.Tuple.tuple(2, "memberState"), org.assertj.core.groups.Tuple.tuple(2, "fullName"),
                org.assertj.core.groups.Tuple.tuple(2, "formOfAddress"), org.assertj.core.groups.Tuple.tuple(2, "rank"),
                org.assertj.core.groups.Tuple.tuple(2, "email"), org.assertj.core.groups.Tuple.tuple(2, "cc[0]"),
                org.assertj.core.groups.Tuple.tuple(2, "preferredLanguage"), org.assertj.core.groups.Tuple.tuple(2, "timeZone"),
                org.assertj.core.groups.Tuple.tuple(3, "email"));
    }

    @Test
    void addressesFollowThePlatformsOneRule() {
        for (String bad : List.of("a@example.org>,<attacker", "a@example.org\u2028", "Jane <a@example.org>",
                "a@example.org\r\nBcc: x@evil.test", "a@example.org\t", "josé@example.org")) {
            InviteeValidator.Result result = InviteeValidator.validate(List.of(draft("CH", bad)));
            assertThat(result.errors()).as(bad).extracting(RowError::field).containsExactly("email");
            assertThat(result.errors().get(0).reason()).startsWith("is not an e-mail address");
        }
        InviteeDraft withCc = new InviteeDraft("CH", "Ana", "SIR", "MINISTER", null, null, "a@example.org",
                List.of("ok@example.org", "b@example.org\u2029"), null, null);
        assertThat(InviteeValidator.validate(List.of(withCc)).errors()).extracting(RowError::field)
                .containsExactly("cc[1]");
        assertThat(InviteeValidator.validate(List.of(draft("CH", "  spaced@example.org "))).valid().get(0).email())
                .isEqualTo("spaced@example.org");
    }

    @Test
    void namesTitlesAndMinistriesAreSingleLines() {
        InviteeDraft draft = new InviteeDraft("CH", "Ana\r\nBcc: x@evil.test", "SIR", "MINISTER", "Minister\u2028of X",
                "Ministry\u0000", "a@example.org", List.of(), null, null);
        assertThat(InviteeValidator.validate(List.of(draft)).errors()).extracting(RowError::field)
                .containsExactly("fullName", "title", "ministry");
        InviteeDraft arabic = new InviteeDraft("EG", "معالي السيد أحمد\u200F", "EXCELLENCY", "MINISTER", null, null,
                "a@example.org", List.of(), null, null);
        assertThat(InviteeValidator.validate(List.of(arabic)).ok()).isTrue();
    }

    @Test
    void aHugeBadFileKeepsTheFirstProblemsAndCountsThemAll() {
        List<InviteeDraft> empty = java.util.Collections.nCopies(200_000,
                new InviteeDraft(null, null, null, null, null, null, null, null, null, null));
        InviteeValidator.Result result = InviteeValidator.validate(empty, 100);
        assertThat(result.ok()).isFalse();
        assertThat(result.errors()).hasSize(100);
        assertThat(result.errorCount()).isEqualTo(1_000_000);
        assertThat(result.errors().get(99).row()).isEqualTo(20);
    }
}
