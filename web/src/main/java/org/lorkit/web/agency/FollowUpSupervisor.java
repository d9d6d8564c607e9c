package org.lorkit.web.agency;

import jakarta.faces.view.ViewScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import org.lorkit.application.rotation.RotationService;
import org.lorkit.domain.shared.DomainException;
import org.lorkit.web.support.Messages;

import java.io.Serializable;

/** The student follow-up's supervisor form: an attending of the directory on one of the student's rotations. */
@Named
@ViewScoped
public class FollowUpSupervisor implements Serializable {
    private static final long serialVersionUID = 1L;

    @Inject
    private RotationService rotations;
    @Inject
    private StudentFollowUp page;

    private Long supervisorRotationId;
    private Long supervisorAttendingId;
    private Integer contactDays;

    public void addSupervisor() {
        Messages.attempt("supervisor-form", () -> {
            if (supervisorRotationId == null || supervisorAttendingId == null) {
                throw new DomainException("supervisorAttendingId", Messages.text("followUp.supervisor.chooseBoth"));
            }
            rotations.addSupervisor(supervisorRotationId, supervisorAttendingId, contactDays == null ? 0 : contactDays);
            Messages.info(Messages.text("followUp.supervisor.added"));
            supervisorAttendingId = null;
            contactDays = null;
            page.load();
        });
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
}
