package itu.wsis.support.text;

import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.Example;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.constraints.IntRange;

import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/** The one e-mail rule: what it accepts is what an SMTP relay takes; nothing that can smuggle a header passes. */
class EmailAddressTest {

    private static final String ATEXT = "abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789!#$%&'*+-/=?^_`{|}~";
    private static final String LABEL = "abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789";

    @Example
    void ordinaryAddressesPass() {
        for (String address : List.of("a@example.org", "wsis-info@itu.int", "jean.dupont+wsis@mae.gouv.fr",
                "o'brien@gov.ie", "ministre@xn--ministre-8za.gouv.ht", "x@a-b.c-d.museum", "A.B@EXAMPLE.ORG")) {
            assertThat(EmailAddress.isValid(address)).as(address).isTrue();
        }
    }

    @Example
    void whatTheProbeSentAndItsKinIsRefused() {
        for (String address : List.of("a@example.org>,<attacker", "a@example.org>,<attacker@evil.test",
                "a@example.org\u2028", "a@exa\u2029mple.org", "a@example.org\r\nBcc: x@evil.test", "a@example.org\n",
                "a@example.org\u0000", "Jane Doe <jane@example.org>", "<jane@example.org>", "jane doe@example.org",
                " jane@example.org", "\"jane doe\"@example.org", "jane@example.org,joe@example.org",
                "jane@example.org;joe@example.org", "jane@[192.0.2.1]", "jane@192.0.2.1", "jane@localhost",
                "jane@@example.org", "jane@example..org", ".jane@example.org", "jane.@example.org",
                "ja..ne@example.org", "jane@-example.org", "jane@example-.org", "jane@example.org.", "jane@.example.org",
                "josé@example.org", "jane@exämple.org", "jane@example.org\t", "jane(comment)@example.org",
                "jane\\@example.org", "@example.org", "jane@", "", "a".repeat(65) + "@example.org",
                "a@" + "b".repeat(64) + ".org")) {
            assertThat(EmailAddress.isValid(address)).as(address.replace("\u0000", "\\0")).isFalse();
            assertThat(EmailAddress.problem(address)).isPresent();
        }
        assertThat(EmailAddress.isValid(null)).isFalse();
    }

    @Example
    void onlyPlainSpacesAroundAnAddressAreSetAside() {
        assertThat(EmailAddress.trimSpaces("  a@example.org ")).isEqualTo("a@example.org");
        assertThat(EmailAddress.isValid(EmailAddress.trimSpaces("\ta@example.org"))).isFalse();
        assertThat(EmailAddress.isValid(EmailAddress.trimSpaces("a@example.org\u2028 "))).isFalse();
        assertThat(EmailAddress.isValid(EmailAddress.trimSpaces(" a@example.org\n"))).isFalse();
        assertThat(EmailAddress.isValid(" a@example.org")).isFalse();
        assertThat(EmailAddress.trimSpaces(null)).isNull();
    }

    @Property
    void everyWellFormedAddressPasses(@ForAll("addresses") String address) {
        assertThat(EmailAddress.isValid(address)).isTrue();
    }

    @Property
    void aValidAddressNeverContainsAnythingThatEndsAHeaderOrAddsARecipient(@ForAll("nearlyAddresses") String anything) {
        if (EmailAddress.isValid(anything)) {
            assertThat(anything).doesNotContain("\r", "\n", "\u2028", "\u2029", "\u0000", " ", ",", ";", "<", ">",
                    "\"", "(", ")", "[", "]", "\\", ":");
            assertThat(anything.chars().filter(c -> c == '@').count()).isEqualTo(1);
            assertThat(anything.chars().allMatch(c -> c > 0x20 && c < 0x7F)).isTrue();
            assertThat(anything.length()).isLessThanOrEqualTo(EmailAddress.MAX_LENGTH);
        }
    }

    @Property
    void insertingAnyForbiddenCharacterAnywhereRefusesTheAddress(@ForAll("addresses") String address,
                                                                 @ForAll("forbidden") char c,
                                                                 @ForAll @IntRange(max = 1000) int where) {
        int at = where % (address.length() + 1);
        String spoiled = address.substring(0, at) + c + address.substring(at);
        assertThat(EmailAddress.isValid(spoiled)).as("%s with U+%04X at %d", address, (int) c, at).isFalse();
    }

    @Property
    void appendingASecondRecipientIsRefused(@ForAll("addresses") String first, @ForAll("addresses") String second,
                                            @ForAll("separators") String separator) {
        assertThat(EmailAddress.isValid(first + separator + second)).isFalse();
    }

    @Provide
    Arbitrary<String> addresses() {
        Arbitrary<String> atom = Arbitraries.strings().withChars(ATEXT).ofMinLength(1).ofMaxLength(10);
        Arbitrary<String> local = atom.list().ofMinSize(1).ofMaxSize(4).map(parts -> String.join(".", parts))
                .filter(l -> l.length() <= EmailAddress.MAX_LOCAL_PART);
        Arbitrary<String> label = Arbitraries.strings().withChars(LABEL + "-").ofMinLength(1).ofMaxLength(20)
                .filter(l -> !l.startsWith("-") && !l.endsWith("-"));
        Arbitrary<String> top = Arbitraries.strings().withCharRange('a', 'z').ofMinLength(2).ofMaxLength(6);
        Arbitrary<String> domain = Combinators.combine(label.list().ofMinSize(1).ofMaxSize(3), top)
                .as((labels, tld) -> String.join(".", labels) + "." + tld);
        return Combinators.combine(local, domain).as((l, d) -> l + "@" + d)
                .filter(a -> a.length() <= EmailAddress.MAX_LENGTH);
    }

    /** Valid addresses with any character inserted anywhere: some stay valid, most do not. */
    @Provide
    Arbitrary<String> nearlyAddresses() {
        return Combinators.combine(addresses(), Arbitraries.chars(), Arbitraries.integers().between(0, 300))
                .as((address, c, where) -> {
                    int at = where % (address.length() + 1);
                    return address.substring(0, at) + c + address.substring(at);
                });
    }

    @Provide
    Arbitrary<Character> forbidden() {
        return Arbitraries.oneOf(
                Arbitraries.chars().range('\u0000', '\u0020'),
                Arbitraries.of('\u007F', '\u0085', '\u00A0', '\u2028', '\u2029', '\uFEFF', '<', '>', ',', ';', ':',
                        '"', '(', ')', '[', ']', '\\', '@', 'é', '中'),
                Arbitraries.chars().range('\u0080', '\u009F'));
    }

    @Provide
    Arbitrary<String> separators() {
        return Arbitraries.of(",", ";", ">,<", " ", "\r\n", "\n", "\u2028", ", ", "\t");
    }
}
