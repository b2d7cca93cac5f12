package itu.wsis.registration.domain;

/** The rules one forum edition applies to replies. */
public record ForumSettings(LateReplyPolicy lateReplyPolicy, int maxDelegationSize) {

    public static final int LARGEST_DELEGATION = 100;

    public ForumSettings {
        if (lateReplyPolicy == null) {
            throw new InvalidReply("lateReplyPolicy", "FLAG or REJECT is required");
        }
        if (maxDelegationSize < 1 || maxDelegationSize > LARGEST_DELEGATION) {
            throw new InvalidReply("maxDelegationSize", "must be between 1 and " + LARGEST_DELEGATION);
        }
    }
}
