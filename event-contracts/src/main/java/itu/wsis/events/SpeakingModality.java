package itu.wsis.events;

public enum SpeakingModality {
    IN_PERSON, REMOTE_LIVE, VIDEO
}
