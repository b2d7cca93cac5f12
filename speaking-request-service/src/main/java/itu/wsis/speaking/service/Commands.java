package itu.wsis.speaking.service;

import itu.wsis.events.Language;
import itu.wsis.events.SessionKind;
import itu.wsis.events.SpeakingModality;

import java.time.LocalDateTime;
import java.util.Map;
import java.util.Set;

/** What the resources hand to the services, already validated for shape (not for state). */
public final class Commands {

    private Commands() {
    }

    /** Start and end are local times in the forum's time zone. */
    public record SessionInput(Map<Language, String> titles, LocalDateTime start, LocalDateTime end, int capacity,
                               Integer statementMinutes, Set<SpeakingModality> modalities, String room,
                               String remoteJoinUrl, SessionKind kind) {
    }
}
