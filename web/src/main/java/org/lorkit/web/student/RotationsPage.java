package org.lorkit.web.student;

import jakarta.faces.view.ViewScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import org.lorkit.application.advice.AdviceService;
import org.lorkit.application.advice.AdviceService.RotationPlan;
import org.lorkit.domain.shared.DomainException;
import org.lorkit.web.support.Messages;

import java.io.Serializable;
import java.util.List;

/** The student's rotations with their ask windows on a timeline, and one rotation in detail. */
@Named
@ViewScoped
public class RotationsPage implements Serializable {
    private static final long serialVersionUID = 1L;

    @Inject
    private AdviceService advice;

    private Long id;
    private List<RotationPlan> plans = List.of();
    private RotationPlan detail;
    private String problem;

    public void load() {
        plans = advice.rotationPlans();
        if (id != null) {
            try {
                detail = advice.rotationPlan(id);
            } catch (DomainException e) {
                problem = Messages.text("rotation.notYours");
            }
        }
    }

    public Long getId() {
        return id;
    }

    public void setId(Long id) {
        this.id = id;
    }

    /** The agency's numbers, for the words about when to ask. */
    public org.lorkit.domain.agency.AgencyRules getRules() {
        if (rules == null) {
            rules = advice.rules();
        }
        return rules;
    }

    private org.lorkit.domain.agency.AgencyRules rules;

    public List<RotationPlan> getPlans() {
        return plans;
    }

    public RotationPlan getDetail() {
        return detail;
    }

    public String getProblem() {
        return problem;
    }
}
