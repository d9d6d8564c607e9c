package org.lorkit.web.agency;

import jakarta.faces.view.ViewScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import org.lorkit.application.attending.AttendingRecord;
import org.lorkit.application.attending.AttendingService;
import org.lorkit.application.attending.AttendingView;
import org.lorkit.application.attending.NewAttending;
import org.lorkit.domain.attending.AttendingTitle;
import org.lorkit.domain.shared.Specialty;
import org.lorkit.web.support.Messages;

import java.io.Serializable;
import java.util.List;
import java.util.Locale;

/** The agency's attending directory, one entry per email address, with each attending's letter record. */
@Named
@ViewScoped
public class AttendingDirectoryPage implements Serializable {
    private static final long serialVersionUID = 1L;

    @Inject
    private AttendingService attendings;

    private List<AttendingRecord> records = List.of();
    private String fullName;
    private String email;
    private AttendingTitle title = AttendingTitle.ATTENDING;
    private String specialty = Specialty.INTERNAL_MEDICINE.name();
    private boolean usBased = true;
    private String institution;
    private Long changedAttendingId;
    private String newEmail;

    private List<AttendingService.AddressChange> addressChanges = List.of();
    private List<AttendingService.Suppression> suppressed = List.of();

    public void load() {
        records = attendings.records();
        addressChanges = attendings.recentAddressChanges(20);
        suppressed = attendings.suppressedAddresses();
    }

    /** The addresses that reported the agency's mail as spam and get nothing more from it. */
    public List<AttendingService.Suppression> getSuppressed() {
        return suppressed;
    }

    /** Staff, having talked to the writer, allow mail to the address again. */
    public void allowMailAgain(AttendingService.Suppression suppression) {
        Messages.attempt("suppressed", () -> {
            AttendingService.Suppression allowed = attendings.allowMailAgain(suppression.id());
            Messages.info(Messages.text("directory.suppressed.allowed", allowed.address()));
            load();
        });
    }

    public List<AttendingService.AddressChange> getAddressChanges() {
        return addressChanges;
    }

    public void add() {
        Messages.attempt("add-attending", () -> {
            String address = email == null ? null : email.strip().toLowerCase(Locale.ROOT);
            boolean known = records.stream().anyMatch(r -> r.attending().email().equals(address));
            AttendingView added = attendings.addToDirectory(new NewAttending(fullName, email, title, specialty, usBased, institution));
            Messages.info(known ? Messages.text("directory.add.known", added.fullName(), added.email())
                    : Messages.text("directory.add.done", added.fullName()));
            fullName = null;
            email = null;
            institution = null;
            load();
        });
    }

    /** Staff change where every student's mail to the attending goes; the change is recorded. */
    public void changeAddress() {
        if (changedAttendingId == null) {
            Messages.refused(new org.lorkit.domain.shared.DomainException("attending", Messages.text("directory.change.choose")), "change-address");
            return;
        }
        Messages.attempt("change-address", () -> {
            AttendingView changed = attendings.changeEmail(changedAttendingId, newEmail);
            Messages.info(Messages.text("directory.change.done", changed.fullName(), changed.email()));
            changedAttendingId = null;
            newEmail = null;
            load();
        });
    }

    public Long getChangedAttendingId() {
        return changedAttendingId;
    }

    public void setChangedAttendingId(Long changedAttendingId) {
        this.changedAttendingId = changedAttendingId;
    }

    public String getNewEmail() {
        return newEmail;
    }

    public void setNewEmail(String newEmail) {
        this.newEmail = newEmail;
    }

    public org.primefaces.model.StreamedContent getCsv() {
        org.lorkit.application.CsvExport.File file = attendings.exportCsv();
        byte[] csv = file.bytes();
        return org.primefaces.model.DefaultStreamedContent.builder().name(file.name())
                .contentType("text/csv; charset=UTF-8").stream(() -> new java.io.ByteArrayInputStream(csv)).build();
    }

    public String median(AttendingRecord record) {
        Double days = record.medianDaysToUpload();
        if (days == null) {
            return Messages.text("directory.median.none");
        }
        return Messages.text("directory.median", days == Math.rint(days) ? String.valueOf(days.longValue()) : String.valueOf(days));
    }

    public List<AttendingRecord> getRecords() {
        return records;
    }

    public AttendingTitle[] getTitles() {
        return AttendingTitle.values();
    }

    public Specialty[] getSpecialties() {
        return Specialty.values();
    }

    public String getFullName() {
        return fullName;
    }

    public void setFullName(String fullName) {
        this.fullName = fullName;
    }

    public String getEmail() {
        return email;
    }

    public void setEmail(String email) {
        this.email = email;
    }

    public AttendingTitle getTitle() {
        return title;
    }

    public void setTitle(AttendingTitle title) {
        this.title = title;
    }

    public String getSpecialty() {
        return specialty;
    }

    public void setSpecialty(String specialty) {
        this.specialty = specialty;
    }

    public boolean isUsBased() {
        return usBased;
    }

    public void setUsBased(boolean usBased) {
        this.usBased = usBased;
    }

    public String getInstitution() {
        return institution;
    }

    public void setInstitution(String institution) {
        this.institution = institution;
    }
}
