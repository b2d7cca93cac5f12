package itu.wsis.invitation.domain;

import java.time.ZoneId;

/**
 * What the invitee may read through the personal link: the forum, the letter revision the invitation was issued
 * from, the invitation's own (possibly extended) deadline, and the invitee's language and zone for display.
 */
public record InviteeLetter(Invitation invitation, ZoneId inviteeTimeZone, Forum forum, Letter letter) {
}
