package org.lorkit.application.link;

import org.lorkit.domain.link.LinkPurpose;

import java.io.Serializable;

/**
 * What a token's link opens, in one query: its agency and id, its purpose, and a fingerprint of every row its kit
 * page is read from (the versions of the link, the request, the student, their cohort, the attending, the rotation,
 * the agency and its logo, and of the rotation's bullets and the student's documents, with their count, last id and
 * inspections, which are written without a version). Every change to what the page shows changes one of them.
 */
public record KitVersion(long agencyId, long linkId, LinkPurpose purpose, long agencyVersion, String fingerprint) implements Serializable {

    /**
     * One row per token hash, across agencies (the link names its agency, and every join stays in it). The bulk
     * update of a document's inspection bumps no version, hence its count of inspected files.
     */
    static final String QUERY = "SELECT l.agency_id, l.id, l.purpose, l.version, r.version, s.version, c.version, a.version, ro.version, g.version,"
            + " (SELECT COALESCE(MAX(lg.version), -1) FROM agency_logo lg WHERE lg.agency_id = l.agency_id),"
            + " (SELECT COUNT(*) FROM summary_bullet b WHERE b.agency_id = l.agency_id AND b.rotation_id = ro.id),"
            + " (SELECT COALESCE(MAX(b.id), 0) + COALESCE(SUM(b.version), 0) FROM summary_bullet b WHERE b.agency_id = l.agency_id AND b.rotation_id = ro.id),"
            + " (SELECT COUNT(*) FROM student_document d WHERE d.agency_id = l.agency_id AND d.student_id = s.id),"
            + " (SELECT COALESCE(MAX(d.id), 0) + COALESCE(SUM(d.version), 0) FROM student_document d WHERE d.agency_id = l.agency_id AND d.student_id = s.id),"
            + " (SELECT COUNT(d.inspected_at) FROM student_document d WHERE d.agency_id = l.agency_id AND d.student_id = s.id)"
            + " FROM attending_link l"
            + " JOIN letter_request r ON r.id = l.letter_request_id AND r.agency_id = l.agency_id"
            + " JOIN student s ON s.id = r.student_id AND s.agency_id = l.agency_id"
            + " JOIN cohort c ON c.id = s.cohort_id AND c.agency_id = l.agency_id"
            + " JOIN attending a ON a.id = r.attending_id AND a.agency_id = l.agency_id"
            + " JOIN rotation ro ON ro.id = r.rotation_id AND ro.agency_id = l.agency_id"
            + " JOIN agency g ON g.id = l.agency_id"
            + " WHERE l.token_hash = ?";

    /** The column of the agency's own version (g.version) in {@link #QUERY}. */
    private static final int AGENCY_VERSION = 9;

    static KitVersion of(Object[] row) {
        StringBuilder fingerprint = new StringBuilder();
        for (int i = 3; i < row.length; i++) {
            fingerprint.append(i == 3 ? "" : ".").append(((Number) row[i]).longValue());
        }
        return new KitVersion(((Number) row[0]).longValue(), ((Number) row[1]).longValue(),
                LinkPurpose.valueOf(String.valueOf(row[2])), ((Number) row[AGENCY_VERSION]).longValue(), fingerprint.toString());
    }
}
