-- Runs once, when the postgres volume is first initialised. One database per service: each service owns its
-- schema (Flyway migrations) and reads no other service's tables.
CREATE DATABASE invitation;
CREATE DATABASE registration;
CREATE DATABASE speaking_request;
CREATE DATABASE notification;
