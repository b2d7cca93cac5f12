-- The invitation's own link expiry, from InvitationIssued and PersonalLinkReissued: a link is valid only until the
-- earlier of this and what its token claims (docs/security-auth.md). Null for rows consumed before this column
-- existed; the token's own claim then decides alone.
alter table invitation_view add column link_expires_at timestamptz;
