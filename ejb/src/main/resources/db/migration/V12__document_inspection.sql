-- When a stored CV or statement passed the inspection uploads go through (PdfInspection), or why it failed.
-- Uploads pass it before they are stored; documents stored before the inspection existed have neither column
-- set and are inspected once, the first time they are about to be served or merged into a kit.
ALTER TABLE student_document ADD COLUMN inspected_at TIMESTAMP;
ALTER TABLE student_document ADD COLUMN refusal VARCHAR(300);
