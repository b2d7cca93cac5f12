package itu.wsis.notification.service;

import com.fasterxml.jackson.core.type.TypeReference;
import itu.wsis.events.Contact;
import itu.wsis.events.Deadline;
import itu.wsis.events.EventCodec;
import itu.wsis.events.Language;
import itu.wsis.events.LocalizedText;
import itu.wsis.events.Rank;
import itu.wsis.notification.domain.MessageKind;
import itu.wsis.notification.repository.CircularLetterEntity;
import itu.wsis.notification.repository.ContactEntity;
import itu.wsis.notification.repository.ForumEditionEntity;
import itu.wsis.notification.repository.NotificationEntity;
import itu.wsis.support.json.StoredJson;

import java.time.DateTimeException;
import java.time.ZoneId;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/** What an email is written from ({@link MessageContext}), built from the rows its intent was loaded with. */
final class MessageContexts {

    private MessageContexts() {
    }

    /**
     * What the email tells beyond the directory: a reminder's deadline, or the event that created the intent.
     * Throws when the payload cannot be read (or was erased).
     */
    static Object detail(NotificationEntity n, MessageKind kind) {
        if (kind.reminder()) {
            return StoredJson.read(n.payload, MessageContext.Reminder.class);
        }
        // These are written from the contact, the letter and the forum as they are when the email is sent.
        if (kind == MessageKind.INVITATION || kind == MessageKind.LINK_REISSUED
                || kind == MessageKind.INVITATION_REVOKED || kind == MessageKind.IN_PERSON_WEEK_CHANGED) {
            return null;
        }
        if (n.payload == null) {
            throw new IllegalStateException("payload erased");
        }
        return EventCodec.decode(n.payload);
    }

    static MessageContext.Recipient recipient(ContactEntity c) {
        return new MessageContext.Recipient(c.invitationId, c.fullName, c.formOfAddress,
                c.rank == null ? null : Rank.valueOf(c.rank), c.title, c.email, cc(c), language(c.language),
                zone(c.timeZone),
                c.responseDeadlineDate == null ? null
                        : new Deadline(c.responseDeadlineDate, c.responseDeadlineZone, c.responseDeadlineAt),
                c.speakingDeadlineDate == null ? null
                        : new Deadline(c.speakingDeadlineDate, c.speakingDeadlineZone, c.speakingDeadlineAt),
                c.memberState, c.replyStatus != null);
    }

    /**
     * A letter's texts (subject and body in every language) are the same JSON for every email about it: parsed once,
     * keyed by the JSON itself, so that a new revision is simply another key. Bounded: a few letters are current.
     */
    private static final Map<String, Map<Language, LocalizedText>> LETTER_TEXTS = new ConcurrentHashMap<>();
    private static final int LETTER_TEXTS_KEPT = 32;

    static Map<Language, LocalizedText> letterTexts(String json) {
        Map<Language, LocalizedText> cached = LETTER_TEXTS.get(json);
        if (cached != null) {
            return cached;
        }
        Map<Language, LocalizedText> parsed = Collections.unmodifiableMap(
                StoredJson.read(json, new TypeReference<Map<Language, LocalizedText>>() {
                }));
        if (LETTER_TEXTS.size() >= LETTER_TEXTS_KEPT) {
            LETTER_TEXTS.clear();
        }
        LETTER_TEXTS.put(json, parsed);
        return parsed;
    }

    static MessageContext.Letter letter(CircularLetterEntity l) {
        Map<Language, LocalizedText> texts = letterTexts(l.texts);
        return new MessageContext.Letter(l.reference, language(l.originalLanguage), texts, l.signatoryName,
                l.signatoryTitle, new Contact(l.contactName, l.contactEmail, l.contactPhone), l.letterDate);
    }

    static MessageContext.Forum forum(ForumEditionEntity f) {
        Map<Language, String> names = StoredJson.read(f.names, new TypeReference<Map<Language, String>>() {
        });
        ZoneId zone = zone(f.timeZone);
        return new MessageContext.Forum(f.code, names, zone == null ? ZoneId.of("Europe/Zurich") : zone, f.venue,
                f.inPersonStart, f.inPersonEnd, f.forumSiteUrl, f.speakingRequestUrl, f.partnershipUrl);
    }

    static List<String> cc(ContactEntity c) {
        return c.cc == null ? List.of() : StoredJson.read(c.cc, new TypeReference<List<String>>() {
        });
    }

    static Language language(String code) {
        try {
            return code == null ? null : Language.fromCode(code);
        } catch (IllegalArgumentException e) {
            return null;
        }
    }

    static ZoneId zone(String id) {
        try {
            return id == null ? null : ZoneId.of(id);
        } catch (DateTimeException e) {
            return null;
        }
    }
}
