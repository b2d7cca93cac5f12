package itu.wsis.invitation.domain;

public enum ForumFormat {
    HYBRID, IN_PERSON, VIRTUAL
}
