package itu.wsis.events;

public enum ReplyStatus {
    ACCEPTED, DECLINED, WITHDRAWN
}
