package itu.wsis.registration.service;

import io.smallrye.mutiny.Uni;
import io.smallrye.mutiny.infrastructure.Infrastructure;
import itu.wsis.events.Language;
import itu.wsis.registration.domain.DelegationMember;
import itu.wsis.registration.domain.Invitation;
import itu.wsis.registration.domain.Reply;
import itu.wsis.registration.domain.VisaLetter;
import itu.wsis.registration.domain.VisaLetterRefused;
import itu.wsis.registration.domain.VisaLetterWording;
import itu.wsis.registration.domain.VisaLetters;
import itu.wsis.registration.repository.ReplyRepository;
import itu.wsis.registration.repository.VisaLetterRepository;
import itu.wsis.support.links.LinkClaims;
import itu.wsis.support.links.LinkRefusals;
import itu.wsis.support.links.LinkState;
import itu.wsis.support.problem.ProblemException;
import jakarta.enterprise.context.ApplicationScoped;

import java.security.SecureRandom;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.Map;

/**
 * Visa support letters (docs/visa-letters.md): issued through the personal link for a member of a delegation that
 * accepted in person, each with a reference recorded here; verified by the secretariat against the current reply.
 */
@ApplicationScoped
public class VisaLetterService {

    /** Crockford's base 32: no I, L, O or U to misread when a consulate reads a reference over the phone. */
    private static final char[] REFERENCE_ALPHABET = "0123456789ABCDEFGHJKMNPQRSTVWXYZ".toCharArray();
    private static final String REFERENCE_PREFIX = "WSIS-VL-";
    private static final ZoneId GENEVA = ZoneId.of("Europe/Zurich");

    private final ReplyService replies;
    private final ReplyRepository replyRepository;
    private final VisaLetterRepository letters;
    private final VisaLetterFonts fonts;
    private final Clock clock;
    private final SecureRandom random = new SecureRandom();

    public VisaLetterService(ReplyService replies, ReplyRepository replyRepository, VisaLetterRepository letters,
                             VisaLetterFonts fonts, Clock clock) {
        this.replies = replies;
        this.replyRepository = replyRepository;
        this.letters = letters;
        this.fonts = fonts;
        this.clock = clock;
    }

    /** A letter as a PDF, and what its reference certifies. */
    public record Issued(VisaLetter letter, byte[] pdf) {
    }

    /** What the secretariat learns from a reference: the letter, the invitation's letter reference and country. */
    public record Verification(VisaLetter letter, String letterReference, String memberState,
                               VisaLetters.Validity validity) {
    }

    /**
     * The letter for the member at {@code position} (1-based) of the current delegation, in {@code language} or, when
     * null, the invitee's own. The same member, reply version and language again gives the same reference.
     */
    public Uni<Issued> issue(LinkClaims link, int position, Language language) {
        // Fonts first: an installation without them answers 503 before anything is recorded.
        VisaLetterFonts.FontFiles files = fonts.files();
        return replyRepository.loadForReply(link.invitationId(), replies.defaults()).chain(invitation -> {
            LinkRefusals.require(link, invitation == null ? null
                    : new LinkState(invitation.linkVersion(), invitation.revoked(), null, null, invitation.erased()),
                    clock.instant());
            DelegationMember member = VisaLetters.memberFor(invitation.currentReply(), position);
            Reply reply = invitation.currentReply().orElseThrow();
            return letters.context(invitation.invitationId()).chain(context -> {
                if (context.inPersonStart() == null || context.inPersonEnd() == null) {
                    throw new VisaLetterRefused(VisaLetterRefused.Reason.FORUM_DATES_UNKNOWN,
                            "The forum's in-person dates are not known yet; please try again later.");
                }
                Language chosen = language != null ? language : context.preferredLanguage();
                return letters.sameLetter(invitation.invitationId(), reply.version(), member.name(), member.title(),
                                chosen)
                        .chain(existing -> existing != null ? Uni.createFrom().item(existing)
                                : record(invitation, reply, member, chosen))
                        .emitOn(Infrastructure.getDefaultWorkerPool())
                        .map(letter -> new Issued(letter, VisaLetterPdf.render(chosen,
                                VisaLetterWording.blocks(facts(letter, invitation, context)), files,
                                letter.issuedAt())));
            });
        });
    }

    /** Null for an unknown reference. */
    public Uni<Verification> verify(String reference) {
        return letters.byReference(reference).chain(letter -> {
            if (letter == null) {
                throw ProblemException.notFound("visa-letter-not-found", "No visa support letter has this reference.");
            }
            return replyRepository.loadForReply(letter.invitationId(), replies.defaults())
                    .chain(invitation -> letters.context(letter.invitationId()).map(context -> new Verification(
                            letter, invitation.letterReference(), context.memberState(),
                            VisaLetters.validity(letter, invitation))));
        });
    }

    private Uni<VisaLetter> record(Invitation invitation, Reply reply, DelegationMember member, Language language) {
        VisaLetter letter = new VisaLetter(newReference(), invitation.invitationId(), reply.version(), member.name(),
                member.title(), language, clock.instant());
        return letters.insert(letter).replaceWith(letter);
    }

    private static VisaLetterWording.Facts facts(VisaLetter letter, Invitation invitation,
                                                 VisaLetterRepository.LetterContext context) {
        Map<String, String> names = context.forumNamesJson() == null ? Map.of()
                : ForumNames.fromJson(context.forumNamesJson());
        String forumName = names.getOrDefault(letter.language().code(),
                names.getOrDefault(Language.EN.code(), invitation.forumCode()));
        return new VisaLetterWording.Facts(letter.language(), letter.reference(), issuedOn(letter.issuedAt()),
                forumName, context.inPersonStart(), context.inPersonEnd(), letter.memberName(), letter.memberTitle(),
                context.memberState(), invitation.letterReference());
    }

    /** The date of issue as printed after "Geneva,". */
    private static LocalDate issuedOn(Instant issuedAt) {
        return LocalDate.ofInstant(issuedAt, GENEVA);
    }

    /** 10 characters of base 32: 50 random bits, so a reference cannot be guessed from another. */
    private String newReference() {
        StringBuilder reference = new StringBuilder(REFERENCE_PREFIX);
        for (int i = 0; i < 10; i++) {
            reference.append(REFERENCE_ALPHABET[random.nextInt(REFERENCE_ALPHABET.length)]);
        }
        return reference.toString();
    }
}
