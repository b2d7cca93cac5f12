-- A seat at a ministerial round table has no statement, so a request for one needs no topic (issue 17); a request for
-- speaking time still has one, which SubmissionPolicy requires. Seats requested before keep the title they were sent.
alter table speaking_request alter column topic drop not null;
