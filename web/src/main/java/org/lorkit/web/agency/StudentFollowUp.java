package org.lorkit.web.agency;

import jakarta.faces.view.ViewScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import org.lorkit.application.dashboard.CompletionDashboard;
import org.lorkit.application.dashboard.StudentTimeline;
import org.lorkit.application.letter.LetterRequestService;
import org.lorkit.application.letter.LetterRequestView;
import org.lorkit.application.link.AttendingLinkService;
import org.lorkit.domain.letter.LetterState;
import org.lorkit.domain.shared.DomainException;
import org.lorkit.web.support.Messages;

import org.lorkit.application.attending.AttendingService;
import org.lorkit.application.attending.AttendingView;
import org.lorkit.application.rotation.NewRotation;
import org.lorkit.application.rotation.RotationService;
import org.lorkit.application.student.StudentErasureService;
import org.lorkit.application.rotation.RotationView;
import org.lorkit.domain.rotation.ClinicalSetting;
import org.lorkit.domain.rotation.RotationKind;
import org.lorkit.domain.shared.Specialty;

import java.io.Serializable;
import java.time.LocalDate;
import java.util.List;

/**
 * One student as staff follow them up: every letter request with its history, the notes, and what staff can
 * do about it here: nudge the student, keep a note, re-send a kit link, withdraw a request.
 */
@Named
@ViewScoped
public class StudentFollowUp implements Serializable {
    private static final long serialVersionUID = 1L;

    @Inject
    private CompletionDashboard dashboard;
    @Inject
    private LetterRequestService letters;
    @Inject
    private AttendingLinkService links;
    @Inject
    private RotationService rotations;
    @Inject
    private AttendingService attendings;
    @Inject
    private StudentErasureService erasure;

    private Long studentId;
    private StudentTimeline timeline;
    private String nudgeMessage;
    private String note;
    private String withdrawReason;
    private String eraseEmail;
    private StudentErasureService.Receipt erased;
    private List<RotationView> rotationList = List.of();
    private List<AttendingView> directory = List.of();
    /** The placement form: a rotation placed by hand. */
    private String site;
    private String specialty = Specialty.INTERNAL_MEDICINE.name();
    private ClinicalSetting setting = ClinicalSetting.INPATIENT;
    private RotationKind kind = RotationKind.HANDS_ON;
    private boolean academic = true;
    private LocalDate startDate;
    private LocalDate endDate;
    /** The supervisor form: an attending of the directory on one of the student's rotations. */
    private Long supervisorRotationId;
    private Long supervisorAttendingId;
    private Integer contactDays;

    public void load() {
        if (studentId == null) {
            return;
        }
        try {
            timeline = dashboard.timeline(studentId);
            rotationList = rotations.listByStudent(studentId);
            directory = attendings.directory();
            if (nudgeMessage == null) {
                nudgeMessage = "Your planned ERAS submit date is coming up and your letters are not all in yet. "
                        + "Open LorKit to see what to do next, and reply to this email if you want help choosing a writer.";
            }
        } catch (DomainException notFound) {
            timeline = null; // shown as "no such student": the same for one of another agency
        }
    }

    public void nudge() {
        Messages.attempt("nudge-form", () -> {
            boolean sent = dashboard.nudge(studentId, nudgeMessage);
            Messages.info(sent ? "Nudge sent to " + timeline.name() + "." : timeline.name() + " was already nudged today: nothing more was sent.");
            load();
        });
    }

    public void addNote() {
        Messages.attempt("note-form", () -> {
            dashboard.addNote(studentId, note);
            note = null;
            Messages.info("Note kept.");
            load();
        });
    }

    public void resendLinks(long requestId) {
        Messages.attempt("letters", () -> {
            boolean sent = links.resendLinks(requestId);
            Messages.info(sent ? "A fresh kit email with new links is on its way; the old links no longer work."
                    : "A fresh kit email already went out today.");
            load();
        });
    }

    public void withdraw(long requestId) {
        Messages.attempt("letters", () -> {
            String reason = withdrawReason == null || withdrawReason.isBlank() ? "withdrawn by agency staff" : withdrawReason.strip();
            letters.moveTo(requestId, LetterState.WITHDRAWN, reason);
            withdrawReason = null;
            Messages.info("Request withdrawn; reminders for it stop.");
            load();
        });
    }

    /** Erases the student, once their email is typed to confirm; the page then says what went. */
    public void erase() {
        Messages.attempt("erase-form", () -> {
            erased = erasure.erase(studentId, eraseEmail);
            timeline = null;
            eraseEmail = null;
        });
    }

    public StudentErasureService.Receipt getErased() {
        return erased;
    }

    public String getEraseEmail() {
        return eraseEmail;
    }

    public void setEraseEmail(String eraseEmail) {
        this.eraseEmail = eraseEmail;
    }

    /** Places the student on a rotation entered by hand (the import does the same for a whole file). */
    public void placeRotation() {
        Messages.attempt("placement-form", () -> {
            RotationView placed = rotations.place(new NewRotation(studentId, site, specialty, setting, kind, academic, startDate, endDate));
            Messages.info("Placed on " + placed.specialty().label() + " at " + placed.site() + ". Add the supervising attending next.");
            supervisorRotationId = placed.id();
            site = null;
            startDate = null;
            endDate = null;
            load();
        });
    }

    public void addSupervisor() {
        Messages.attempt("supervisor-form", () -> {
            if (supervisorRotationId == null || supervisorAttendingId == null) {
                throw new DomainException("supervisorAttendingId", "Choose the rotation and the attending");
            }
            rotations.addSupervisor(supervisorRotationId, supervisorAttendingId, contactDays == null ? 0 : contactDays);
            Messages.info("Supervisor added.");
            supervisorAttendingId = null;
            contactDays = null;
            load();
        });
    }

    public boolean canResend(LetterRequestView request) {
        return request.state().isAwaitingUpload();
    }

    public boolean canWithdraw(LetterRequestView request) {
        return request.state().isOpen();
    }

    public String stateName(LetterState state) {
        return state == null ? "" : CompletionDashboardPage.stateLabel(state);
    }

    public List<RotationView> getRotationList() {
        return rotationList;
    }

    public List<AttendingView> getDirectory() {
        return directory;
    }

    public Specialty[] getSpecialties() {
        return Specialty.values();
    }

    public ClinicalSetting[] getSettings() {
        return ClinicalSetting.values();
    }

    public RotationKind[] getKinds() {
        return RotationKind.values();
    }

    public String getSite() {
        return site;
    }

    public void setSite(String site) {
        this.site = site;
    }

    public String getSpecialty() {
        return specialty;
    }

    public void setSpecialty(String specialty) {
        this.specialty = specialty;
    }

    public ClinicalSetting getSetting() {
        return setting;
    }

    public void setSetting(ClinicalSetting setting) {
        this.setting = setting;
    }

    public RotationKind getKind() {
        return kind;
    }

    public void setKind(RotationKind kind) {
        this.kind = kind;
    }

    public boolean isAcademic() {
        return academic;
    }

    public void setAcademic(boolean academic) {
        this.academic = academic;
    }

    public LocalDate getStartDate() {
        return startDate;
    }

    public void setStartDate(LocalDate startDate) {
        this.startDate = startDate;
    }

    public LocalDate getEndDate() {
        return endDate;
    }

    public void setEndDate(LocalDate endDate) {
        this.endDate = endDate;
    }

    public Long getSupervisorRotationId() {
        return supervisorRotationId;
    }

    public void setSupervisorRotationId(Long supervisorRotationId) {
        this.supervisorRotationId = supervisorRotationId;
    }

    public Long getSupervisorAttendingId() {
        return supervisorAttendingId;
    }

    public void setSupervisorAttendingId(Long supervisorAttendingId) {
        this.supervisorAttendingId = supervisorAttendingId;
    }

    public Integer getContactDays() {
        return contactDays;
    }

    public void setContactDays(Integer contactDays) {
        this.contactDays = contactDays;
    }

    public Long getStudentId() {
        return studentId;
    }

    public void setStudentId(Long studentId) {
        this.studentId = studentId;
    }

    public StudentTimeline getTimeline() {
        return timeline;
    }

    public String getNudgeMessage() {
        return nudgeMessage;
    }

    public void setNudgeMessage(String nudgeMessage) {
        this.nudgeMessage = nudgeMessage;
    }

    public String getNote() {
        return note;
    }

    public void setNote(String note) {
        this.note = note;
    }

    public String getWithdrawReason() {
        return withdrawReason;
    }

    public void setWithdrawReason(String withdrawReason) {
        this.withdrawReason = withdrawReason;
    }
}
