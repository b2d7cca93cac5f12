package itu.wsis.events;

/** Protocol rank of a dignitary. The declaration order is the default order of precedence. */
public enum Rank {
    HEAD_OF_STATE, HEAD_OF_GOVERNMENT, MINISTER, DEPUTY_MINISTER, AMBASSADOR, HEAD_OF_DELEGATION, OTHER
}
