package org.lorkit.web.agency;

import jakarta.faces.view.ViewScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import jakarta.validation.ConstraintViolationException;
import org.lorkit.application.cohort.CohortService;
import org.lorkit.application.cohort.CohortView;
import org.lorkit.application.provisioning.ProvisioningService;
import org.lorkit.application.student.NewStudent;
import org.lorkit.application.student.StudentView;
import org.lorkit.domain.shared.DomainException;
import org.lorkit.infrastructure.keycloak.KeycloakDirectory.Member;
import org.lorkit.web.support.Messages;

import java.io.Serializable;
import java.util.List;

/** The agency admin's people page: who has a login, invitations for staff and students, disabling. */
@Named
@ViewScoped
public class AgencyPeople implements Serializable {
    private static final long serialVersionUID = 1L;

    @Inject
    private ProvisioningService provisioning;
    @Inject
    private CohortService cohorts;

    private List<Member> members = List.of();
    private List<CohortView> activeCohorts = List.of();
    private String problem;

    private String staffEmail;
    private String staffFirstName;
    private String staffLastName;

    private Long studentCohortId;
    private String studentName;
    private String studentEmail;

    public void load() {
        try {
            members = provisioning.members();
            activeCohorts = cohorts.listActive();
        } catch (DomainException e) {
            problem = e.getMessage();
        }
    }

    public void inviteStaff() {
        try {
            Member invited = provisioning.inviteStaff(staffEmail, staffFirstName, staffLastName);
            Messages.info("Invited " + invited.email() + ": Keycloak has emailed them a link to set their password.");
            staffEmail = null;
            staffFirstName = null;
            staffLastName = null;
            load();
        } catch (DomainException | ConstraintViolationException e) {
            Messages.refused(e, "invite-staff");
        }
    }

    public void inviteStudent() {
        try {
            StudentView invited = provisioning.inviteStudent(new NewStudent(studentCohortId, studentName, studentEmail,
                    null, null, null, null));
            Messages.info("Invited " + invited.fullName() + " (" + invited.email() + "): Keycloak has emailed them a link to set their password.");
            studentName = null;
            studentEmail = null;
            load();
        } catch (DomainException | ConstraintViolationException e) {
            Messages.refused(e, "invite-student");
        }
    }

    public void disable(Member member) {
        try {
            provisioning.disableMember(member.id());
            Messages.info(member.email() + " can no longer log in.");
            load();
        } catch (DomainException e) {
            Messages.refused(e, "members-form");
        }
    }

    public List<Member> getMembers() {
        return members;
    }

    public List<CohortView> getActiveCohorts() {
        return activeCohorts;
    }

    public String getProblem() {
        return problem;
    }

    public String getStaffEmail() {
        return staffEmail;
    }

    public void setStaffEmail(String staffEmail) {
        this.staffEmail = staffEmail;
    }

    public String getStaffFirstName() {
        return staffFirstName;
    }

    public void setStaffFirstName(String staffFirstName) {
        this.staffFirstName = staffFirstName;
    }

    public String getStaffLastName() {
        return staffLastName;
    }

    public void setStaffLastName(String staffLastName) {
        this.staffLastName = staffLastName;
    }

    public Long getStudentCohortId() {
        return studentCohortId;
    }

    public void setStudentCohortId(Long studentCohortId) {
        this.studentCohortId = studentCohortId;
    }

    public String getStudentName() {
        return studentName;
    }

    public void setStudentName(String studentName) {
        this.studentName = studentName;
    }

    public String getStudentEmail() {
        return studentEmail;
    }

    public void setStudentEmail(String studentEmail) {
        this.studentEmail = studentEmail;
    }
}
