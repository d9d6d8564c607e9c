package org.lorkit.application.attending;

import java.io.Serializable;

/**
 * One attending's record with the agency's students: letters asked, confirmed, uploaded and declined, the
 * median days from kit to upload (null before the first upload), and kit emails that bounced.
 */
public record AttendingRecord(AttendingView attending, long asked, long confirmed, long uploaded, long declined,
                              Double medianDaysToUpload, long bounces) implements Serializable {

    /** The directory lists attendings; the isolation matrix finds their ids here. */
    public long id() {
        return attending.id();
    }
}
