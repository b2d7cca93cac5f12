-- Where a session takes place: the room at the venue, and the link that admits a remote live speaker (issue 17,
-- "Calendar"). Both optional; the link is shown only to the secretariat and to a request seated in the session with
-- the REMOTE_LIVE modality (docs/speaking-requests.md).
alter table hl_session add column room varchar(200);
alter table hl_session add column remote_join_url varchar(500);
