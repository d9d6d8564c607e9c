package org.lorkit.application.roster;

import java.util.List;

/**
 * The columns of a roster file, as its header names them (any order, case-insensitive). One row is one
 * rotation of one student under one attending; the same student or attending may appear on many rows
 * (the email says who it is).
 *
 * <pre>
 * student_email        the student's email; one email is one person (required)
 * student_name         full name (required; the same on every row of that email)
 * cohort               the name of an active cohort of the agency (required)
 * medical_school       optional
 * country              optional
 * target_specialty     optional; several separated by ";" (most wanted first); empty = the cohort's
 * site                 hospital or clinic (required)
 * rotation_specialty   e.g. "Internal Medicine" or "CARDIOLOGY" (required)
 * setting              inpatient | outpatient
 * kind                 hands-on | observership | research
 * academic             yes | no (academic-affiliated site)
 * start_date, end_date yyyy-MM-dd
 * attending_name       required; the same on every row of that email
 * attending_email      required; one email is one attending
 * attending_title      attending | program director | department head
 * attending_specialty  like rotation_specialty
 * attending_us         yes | no (US-based)
 * contact_days         days of meaningful contact, 0 to the rotation's length
 * </pre>
 */
public final class RosterColumns {
    public static final String STUDENT_EMAIL = "student_email";
    public static final String STUDENT_NAME = "student_name";
    public static final String COHORT = "cohort";
    public static final String MEDICAL_SCHOOL = "medical_school";
    public static final String COUNTRY = "country";
    public static final String TARGET_SPECIALTY = "target_specialty";
    public static final String SITE = "site";
    public static final String ROTATION_SPECIALTY = "rotation_specialty";
    public static final String SETTING = "setting";
    public static final String KIND = "kind";
    public static final String ACADEMIC = "academic";
    public static final String START_DATE = "start_date";
    public static final String END_DATE = "end_date";
    public static final String ATTENDING_NAME = "attending_name";
    public static final String ATTENDING_EMAIL = "attending_email";
    public static final String ATTENDING_TITLE = "attending_title";
    public static final String ATTENDING_SPECIALTY = "attending_specialty";
    public static final String ATTENDING_US = "attending_us";
    public static final String CONTACT_DAYS = "contact_days";

    /** Every column, in the order the sample file uses. */
    public static final List<String> ALL = List.of(STUDENT_EMAIL, STUDENT_NAME, COHORT, MEDICAL_SCHOOL, COUNTRY,
            TARGET_SPECIALTY, SITE, ROTATION_SPECIALTY, SETTING, KIND, ACADEMIC, START_DATE, END_DATE, ATTENDING_NAME,
            ATTENDING_EMAIL, ATTENDING_TITLE, ATTENDING_SPECIALTY, ATTENDING_US, CONTACT_DAYS);

    private RosterColumns() {
    }
}
