package org.lorkit.web.student;

import jakarta.faces.view.ViewScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import org.lorkit.application.advice.AdviceService;
import org.lorkit.application.letter.LetterRequestService;
import org.lorkit.application.letter.LetterRequestView;
import org.lorkit.application.rotation.RotationService;
import org.lorkit.application.rotation.RotationView;
import org.lorkit.application.student.StudentService;
import org.lorkit.application.student.StudentView;
import org.lorkit.domain.advice.NextAction;
import org.lorkit.domain.shared.DomainException;

import java.io.Serializable;
import java.util.List;

/** The student's own rotations and letters. */
@Named
@ViewScoped
public class StudentHome implements Serializable {
    private static final long serialVersionUID = 1L;

    @Inject
    private StudentService students;
    @Inject
    private RotationService rotations;
    @Inject
    private LetterRequestService letters;
    @Inject
    private AdviceService advice;

    private StudentView student;
    private String problem;
    private List<RotationView> myRotations = List.of();
    private List<LetterRequestView> myLetters = List.of();
    private AdviceService.Home home;

    public void load() {
        try {
            student = students.me();
        } catch (DomainException e) {
            problem = e.getMessage();
            return;
        }
        myRotations = rotations.listByStudent(student.id());
        myLetters = letters.listByStudent(student.id());
        home = advice.home();
    }

    /** Where an action's one button leads. */
    public String target(NextAction action) {
        return switch (action.kind()) {
            case ASK_NOW, ASK_BY_EMAIL, VAGUE_LETTER_RISK, FIND_ANOTHER_WRITER -> "/student/ask.xhtml";
            case SEND_KIT -> "/student/kit.xhtml";
            case CONFIRM_IN_ERAS, ERAS_MISMATCH, REMINDER_COMING, LETTER_GOAL -> "/student/letters.xhtml";
        };
    }

    public AdviceService.Home getHome() {
        return home;
    }

    public StudentView getStudent() {
        return student;
    }

    public String getProblem() {
        return problem;
    }

    public List<RotationView> getMyRotations() {
        return myRotations;
    }

    public List<LetterRequestView> getMyLetters() {
        return myLetters;
    }
}
