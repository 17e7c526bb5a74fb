-- Two roles: the owner runs Liquibase; the application role is neither superuser nor able to
-- bypass row-level security.
CREATE ROLE portevoix_owner LOGIN PASSWORD 'change-me-owner';
CREATE ROLE portevoix_app LOGIN PASSWORD 'change-me-app' NOSUPERUSER NOBYPASSRLS;
CREATE DATABASE portevoix OWNER portevoix_owner;
\connect portevoix
REVOKE ALL ON SCHEMA public FROM PUBLIC;
GRANT CONNECT ON DATABASE portevoix TO portevoix_app;
