package itu.wsis.notification.domain;

import java.util.UUID;

/**
 * The identity of the calendar entries sent to invitees. The same UID across every email about one thing is what lets
 * a calendar replace (or cancel) the entry it holds instead of adding a second one: one per speaking request (a move
 * to another session or time is the same statement), one per invitation for the in-person attendance.
 */
public final class CalendarUids {

    public static final String PUBLISH = "PUBLISH";
    public static final String CANCEL = "CANCEL";

    private CalendarUids() {
    }

    public static String slot(UUID requestId, String domain) {
        return "statement-" + requestId + "@" + domain;
    }

    public static String inPerson(UUID invitationId, String domain) {
        return IN_PERSON + invitationId + "@" + domain;
    }

    public static boolean isInPerson(String uid) {
        return uid != null && uid.startsWith(IN_PERSON);
    }

    private static final String IN_PERSON = "in-person-";
}
