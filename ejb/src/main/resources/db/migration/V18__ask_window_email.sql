-- Issue 18, item 7: the student's email when a rotation's ideal window to ask opens. It is about a rotation, not a
-- letter request: the outbox row names the rotation (and the student, so that erasing them erases it). Its dedup key,
-- "rotation-<id>:ASK_WINDOW_OPEN", names no day, so uq_outbox_dedup allows one such email per rotation, ever.
ALTER TABLE outbox_email ADD COLUMN rotation_id BIGINT;
-- The daily sweep asks which of the rotations in their window already have theirs.
CREATE INDEX ix_outbox_rotation ON outbox_email (agency_id, rotation_id);
