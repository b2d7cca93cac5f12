package itu.wsis.events;

public enum ParticipationMode {
    /** In person, at ITU headquarters in Geneva. */
    IN_PERSON,
    REMOTE
}
