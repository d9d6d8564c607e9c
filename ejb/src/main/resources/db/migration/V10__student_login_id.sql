-- The Keycloak user id of the login LorKit created for the student: erasure removes that login and no other
-- (erasing by email removed whatever member had the student's address, an agency admin's included).
ALTER TABLE student ADD COLUMN login_id VARCHAR(64);
