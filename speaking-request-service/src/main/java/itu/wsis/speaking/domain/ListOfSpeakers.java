package itu.wsis.speaking.domain;

import itu.wsis.events.Language;
import itu.wsis.events.Rank;
import itu.wsis.events.SpeakingModality;

import java.time.Instant;
import java.util.List;
import java.util.Objects;

/**
 * A session's list of speakers in their order, as it stands ({@code published} once the forum's lists were
 * published, at {@code revision}).
 */
public record ListOfSpeakers(Session session, boolean published, int revision, List<Speaker> speakers) {

    public ListOfSpeakers {
        Objects.requireNonNull(session, "session");
        speakers = List.copyOf(speakers);
    }

    public record Speaker(int position, String memberState, String speakerName, String speakerTitle, Rank rank,
                          boolean substitute, SpeakingModality modality, Language language, Instant plannedStart) {
    }
}
