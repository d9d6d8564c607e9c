package org.lorkit.web.agency;

import jakarta.faces.context.FacesContext;
import jakarta.faces.view.ViewScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import org.lorkit.application.cohort.CohortService;
import org.lorkit.application.cohort.CohortView;
import org.lorkit.application.provisioning.Member;
import org.lorkit.application.provisioning.ProvisioningService;
import org.lorkit.application.student.NewStudent;
import org.lorkit.application.student.StudentView;
import org.lorkit.domain.shared.DomainException;
import org.lorkit.web.support.Messages;
import org.primefaces.component.datatable.DataTable;
import org.primefaces.model.FilterMeta;
import org.primefaces.model.LazyDataModel;
import org.primefaces.model.SortMeta;

import java.io.Serializable;
import java.util.List;
import java.util.Map;

/**
 * The agency admin's people page: who has a login (a page at a time from Keycloak, found by email or name),
 * invitations for staff and students, disabling and enabling logins.
 */
@Named
@ViewScoped
public class AgencyPeople implements Serializable {
    private static final long serialVersionUID = 1L;

    @Inject
    private ProvisioningService provisioning;
    @Inject
    private CohortService cohorts;

    private final People people = new People();
    private String search;
    private List<CohortView> activeCohorts = List.of();
    private String problem;
    /** Why the table is empty although the agency may have people: Keycloak could not list them. */
    private String membersProblem;

    private String staffEmail;
    private String staffFirstName;
    private String staffLastName;

    private Long studentCohortId;
    private String studentName;
    private String studentEmail;

    public void load() {
        try {
            activeCohorts = cohorts.listActive();
        } catch (DomainException e) {
            problem = e.getMessage();
        }
    }

    public void inviteStaff() {
        Messages.attempt("invite-staff", () -> {
            Member invited = provisioning.inviteStaff(staffEmail, staffFirstName, staffLastName);
            Messages.info(Messages.text("people.staff.invited", invited.email()));
            staffEmail = null;
            staffFirstName = null;
            staffLastName = null;
        });
    }

    public void inviteStudent() {
        Messages.attempt("invite-student", () -> {
            StudentView invited = provisioning.inviteStudent(new NewStudent(studentCohortId, studentName, studentEmail,
                    null, null, null, null));
            Messages.info(Messages.text("people.student.invited", invited.fullName(), invited.email()));
            studentName = null;
            studentEmail = null;
        });
    }

    /** By id: the service checks that the login is a member of this agency. */
    public void disable(Member member) {
        Messages.attempt("members-form", () -> {
            Member disabled = provisioning.disableMember(member.id());
            Messages.info(Messages.text("people.disabled", disabled.email()));
        });
    }

    public void enable(Member member) {
        Messages.attempt("members-form", () -> {
            Member enabled = provisioning.enableMember(member.id());
            Messages.info(Messages.text("people.enabled", enabled.email()));
        });
    }

    /** A new search starts on its first page. */
    public void searchChanged() {
        if (FacesContext.getCurrentInstance().getViewRoot().findComponent(":members-form:members") instanceof DataTable table) {
            table.setFirst(0);
        }
    }

    /** The people table's rows, one page at a time from Keycloak (it holds many more than a page can show). */
    public class People extends LazyDataModel<Member> {
        private static final long serialVersionUID = 1L;

        @Override
        public int count(Map<String, FilterMeta> filterBy) {
            try {
                membersProblem = null;
                return Math.toIntExact(provisioning.countMembers(search));
            } catch (DomainException e) {
                membersProblem = e.getMessage();
                return 0;
            }
        }

        @Override
        public List<Member> load(int first, int pageSize, Map<String, SortMeta> sortBy, Map<String, FilterMeta> filterBy) {
            try {
                return provisioning.members(search, first, Math.min(pageSize, Member.MAX_PAGE));
            } catch (DomainException e) {
                membersProblem = e.getMessage();
                return List.of();
            }
        }

        @Override
        public String getRowKey(Member member) {
            return member.id();
        }

        @Override
        public Member getRowData(String rowKey) {
            List<Member> page = getWrappedData();
            return page == null ? null : page.stream().filter(m -> m.id().equals(rowKey)).findFirst().orElse(null);
        }
    }

    public People getPeople() {
        return people;
    }

    /** What the table says when it has no row: why Keycloak could not list, nobody matches, or nobody yet. */
    public String getMembersEmptyMessage() {
        if (membersProblem != null) {
            return membersProblem;
        }
        return search == null ? Messages.text("people.empty") : Messages.text("people.empty.search", search);
    }

    /** What the disable button says to a screen reader: whose login. */
    public String disableLabel(Member member) {
        return Messages.text("people.disable.label", member.email());
    }

    /** The confirmation before a login is disabled. */
    public String disableQuestion(Member member) {
        return Messages.text("people.disable.message", member.email());
    }

    /** What the enable button says to a screen reader: whose login. */
    public String enableLabel(Member member) {
        return Messages.text("people.enable.label", member.email());
    }

    public String getSearch() {
        return search;
    }

    public void setSearch(String search) {
        this.search = Member.search(search);
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
