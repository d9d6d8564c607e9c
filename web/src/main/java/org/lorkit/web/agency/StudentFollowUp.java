package org.lorkit.web.agency;

import jakarta.faces.view.ViewScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import org.lorkit.application.attending.AttendingService;
import org.lorkit.application.attending.AttendingView;
import org.lorkit.application.dashboard.CompletionDashboard;
import org.lorkit.application.dashboard.StudentTimeline;
import org.lorkit.application.rotation.RotationService;
import org.lorkit.application.rotation.RotationView;
import org.lorkit.domain.shared.DomainException;
import org.lorkit.domain.shared.Labels;
import org.lorkit.web.support.Messages;

import java.io.Serializable;
import java.util.List;

/**
 * One student as staff follow them up: every letter request with its history, the notes, the rotations. What
 * staff can do about it has a bean per form, which reloads this page after it acted: {@link FollowUpNudge},
 * {@link FollowUpNote}, {@link FollowUpPlacement}, {@link FollowUpSupervisor}, {@link FollowUpLetters},
 * {@link FollowUpDeadline}, {@link FollowUpSubmitDate}, {@link FollowUpErasure}.
 */
@Named
@ViewScoped
public class StudentFollowUp implements Serializable {
    private static final long serialVersionUID = 1L;

    @Inject
    private CompletionDashboard dashboard;
    @Inject
    private RotationService rotations;
    @Inject
    private AttendingService attendings;

    private Long studentId;
    private StudentTimeline timeline;
    private List<RotationView> rotationList = List.of();
    private List<AttendingView> directory = List.of();

    public void load() {
        if (studentId == null) {
            return;
        }
        try {
            timeline = dashboard.timeline(studentId);
            rotationList = rotations.listByStudent(studentId);
            directory = attendings.directory();
        } catch (DomainException notFound) {
            timeline = null; // shown as "no such student": the same for one of another agency
        }
    }

    /** After the erasure: nothing of the student is left to show. */
    public void forget() {
        timeline = null;
    }

    /** A rotation as the table and the choice of rotation name it: "Internal Medicine at Mercy Hospital". */
    public String rotationLabel(RotationView rotation) {
        return Messages.text("followUp.rotation", Labels.of(rotation.specialty()), rotation.site());
    }

    public List<RotationView> getRotationList() {
        return rotationList;
    }

    public List<AttendingView> getDirectory() {
        return directory;
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
}
