package itu.wsis.speaking.service;

import itu.wsis.events.Language;
import itu.wsis.events.Rank;
import itu.wsis.events.SpeakingModality;

import java.time.LocalDateTime;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

/** What the resources hand to the services, already validated for shape (not for state). */
public final class Commands {

    private Commands() {
    }

    /** The speaker: the invited Minister ({@code substitute} false, rank from the invitation) or a substitute. */
    public record SpeakerInput(String name, String title, Rank rank, boolean substitute) {
    }

    public record Submit(SpeakerInput speaker, List<UUID> preferredSessionIds, Language statementLanguage,
                         SpeakingModality modality, String topic, String statementText, String videoReference) {
    }

    /** Start and end are local times in the forum's time zone. */
    public record SessionInput(Map<Language, String> titles, LocalDateTime start, LocalDateTime end, int capacity,
                               Integer statementMinutes, Set<SpeakingModality> modalities) {
    }

    public enum Actor {
        INVITEE, SECRETARIAT
    }
}
