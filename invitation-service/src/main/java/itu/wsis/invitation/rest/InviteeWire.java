package itu.wsis.invitation.rest;

import itu.wsis.events.Language;
import itu.wsis.events.Rank;
import itu.wsis.invitation.domain.FormOfAddress;
import itu.wsis.invitation.domain.Invitee;
import itu.wsis.invitation.domain.InviteeDetails;
import itu.wsis.invitation.domain.InviteeDraft;
import itu.wsis.invitation.domain.MemberState;
import itu.wsis.invitation.domain.MemberStates;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;

final class InviteeWire {

    private InviteeWire() {
    }

    /**
     * One invitee, in a single request or as an element of a JSON import. Values are taken as text and checked
     * row by row, so that an import reports every bad cell. {@code preferredLanguage} and {@code timeZone}
     * default to the Member State's usual UN language and its capital's zone.
     */
    record InviteeRequest(String memberState, String fullName, String formOfAddress, String rank, String title,
                          String ministry, String email, List<String> cc, String preferredLanguage,
                          String timeZone) {

        InviteeDraft toDraft() {
            return new InviteeDraft(memberState, fullName, formOfAddress, rank, title, ministry, email, cc,
                    preferredLanguage, timeZone);
        }
    }

    /** {@code erasedAt}: the person's data was erased on request; name, form of address, title, ministry, addresses are null. */
    record InviteeResponse(UUID id, String memberState, Map<String, String> memberStateNames, String fullName,
                           FormOfAddress formOfAddress, String salutation, Rank rank, String title,
                           String ministry, String email, List<String> cc, Language preferredLanguage,
                           String timeZone, Instant erasedAt) {

        static InviteeResponse of(Invitee invitee) {
            InviteeDetails d = invitee.details();
            Map<String, String> names = MemberStates.find(d.memberState()).map(MemberState::names)
                    .map(ForumWire::byCode).orElse(Map.of());
            return new InviteeResponse(invitee.id(), d.memberState(), names, d.fullName(), d.formOfAddress(),
                    d.formOfAddress() == null ? null : d.formOfAddress().salutation(d.preferredLanguage()), d.rank(),
                    d.title(), d.ministry(), d.email(), d.cc(), d.preferredLanguage(), d.timeZone().getId(),
                    invitee.erasedAt());
        }
    }

    record ImportReportResponse(int received, int written, int unchanged) {
    }

    record MemberStateResponse(String code, Map<String, String> names, Language usualLanguage, String timeZone) {

        static MemberStateResponse of(MemberState state) {
            return new MemberStateResponse(state.code(), ForumWire.byCode(state.names()), state.usualLanguage(),
                    state.capitalZone().getId());
        }
    }
}
