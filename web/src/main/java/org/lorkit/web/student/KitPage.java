package org.lorkit.web.student;

import jakarta.faces.view.ViewScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import org.lorkit.application.student.StudentService;

import java.io.Serializable;

/**
 * The kit builder, opened once per view: it finds the student and loads each form of the page, the documents
 * ({@link KitDocumentUploads}), the work log and its summary ({@link KitWorkLog}) and each kit as the attending
 * will see it ({@link KitDetails}).
 */
@Named
@ViewScoped
public class KitPage implements Serializable {
    private static final long serialVersionUID = 1L;

    @Inject
    private StudentService students;
    @Inject
    private KitDocumentUploads documents;
    @Inject
    private KitWorkLog workLog;
    @Inject
    private KitDetails kits;

    public void load() {
        long me = students.me().id();
        documents.load();
        workLog.load(me);
        kits.load(me);
    }
}
