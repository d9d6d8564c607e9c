package org.lorkit.web.agency;

import jakarta.faces.view.ViewScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import jakarta.servlet.http.HttpServletRequest;
import org.lorkit.application.cohort.CohortService;
import org.lorkit.application.cohort.CohortView;
import org.lorkit.application.roster.ImportState;
import org.lorkit.application.roster.RosterColumns;
import org.lorkit.application.roster.RosterCsv;
import org.lorkit.application.roster.RosterImportProgress;
import org.lorkit.application.roster.RosterImportService;
import org.lorkit.application.roster.RosterPreview;
import org.lorkit.domain.shared.DomainException;
import org.lorkit.web.support.Messages;
import org.lorkit.web.tenancy.TokenAgencyFilter;
import jakarta.servlet.http.Part;
import org.lorkit.web.support.Uploads;

import java.io.Serializable;
import java.util.List;
import java.util.Locale;

/**
 * Staff import students and rotations from a CSV file: upload, a preview of every problem by line and
 * column (nothing stored), confirm (stored in the background, all or nothing, with a progress bar the
 * page polls), then invite the new students.
 */
@Named
@ViewScoped
public class RosterImportPage implements Serializable {
    private static final long serialVersionUID = 1L;

    @Inject
    private RosterImportService imports;
    @Inject
    private CohortService cohorts;
    @Inject
    private HttpServletRequest request;

    private transient Part file;
    private boolean agencyKnown;
    private List<CohortView> activeCohorts = List.of();
    private String fileName;
    private RosterPreview preview;
    private RosterImportProgress progress;

    public void load() {
        agencyKnown = request.getAttribute(TokenAgencyFilter.AGENCY_ATTRIBUTE) != null;
        if (agencyKnown) {
            activeCohorts = cohorts.listActive();
        }
    }

    /** Checks the uploaded file; stores nothing. */
    public void check() {
        preview = null;
        progress = null;
        try {
            Messages.attempt("upload-form", () -> {
                if (file != null && file.getSize() > RosterCsv.MAX_BYTES) {
                    throw new DomainException("file", Messages.text("import.upload.tooLarge", getMaxSize()));
                }
                byte[] content = Uploads.bytes(file, RosterCsv.MAX_BYTES, "file", Messages.text("import.upload.chooseFirst"));
                fileName = Uploads.name(file);
                preview = imports.preview(content);
                if (preview.ready()) {
                    Messages.info(Messages.text("import.upload.ready", fileName));
                }
            });
        } finally {
            file = null;
        }
    }

    public void confirm() {
        if (!isConfirmable()) {
            return;
        }
        Messages.attempt("result-form", () -> {
            progress = imports.confirm(preview.importId());
        });
    }

    /** What the progress poll calls. */
    public void refresh() {
        if (progress == null) {
            return;
        }
        if (!Messages.attempt("result-form", () -> progress = imports.progress(progress.importId()))) {
            progress = null;
            preview = null;
        }
    }

    public void invite() {
        if (progress == null) {
            return;
        }
        Messages.attempt("result-form", () -> {
            progress = imports.invite(progress.importId());
        });
    }

    /** Another file, from the start. */
    public void startOver() {
        preview = null;
        progress = null;
        fileName = null;
    }

    public boolean isConfirmable() {
        return preview != null && preview.ready() && progress == null;
    }

    /** The poll runs while the import or its invitations are under way. */
    public boolean isPolling() {
        return progress != null && (!progress.finished() || progress.invitationsRunning());
    }

    public boolean isStored() {
        return progress != null && progress.state() == ImportState.DONE;
    }

    public boolean isFailed() {
        return progress != null && progress.state() == ImportState.FAILED;
    }

    public int getPercent() {
        return progress == null ? 0 : progress.percent();
    }

    public int getInvitationPercent() {
        if (progress == null || progress.toInvite() == 0) {
            return 0;
        }
        return (int) ((progress.invited() + progress.invitationsFailed()) * 100L / progress.toInvite());
    }

    /** "12 of 40 invited, 2 failed." */
    public String getInvitationSummary() {
        if (progress == null) {
            return "";
        }
        String invited = count(progress.invited());
        String toInvite = count(progress.toInvite());
        if (progress.invitationsFailed() > 0) {
            String failed = count(progress.invitationsFailed());
            return progress.invitationsRunning() ? Messages.text("import.invited.failed.sending", invited, toInvite, failed)
                    : Messages.text("import.invited.failed", invited, toInvite, failed);
        }
        return progress.invitationsRunning() ? Messages.text("import.invited.sending", invited, toInvite)
                : Messages.text("import.invited", invited, toInvite);
    }

    /** The confirm button, saying how many rotations it stores. */
    public String getConfirmLabel() {
        return preview == null ? "" : Messages.text("import.confirm", count(preview.rotations()));
    }

    /** The column as the preview shows it: a cell's column, or "whole row". */
    public String columnLabel(String column) {
        return RosterCsv.WHOLE_ROW.equals(column) ? Messages.text("import.problems.wholeRow") : column;
    }

    public String count(int number) {
        return String.format(Locale.ROOT, "%,d", number);
    }

    public String getMaxSize() {
        return Messages.text("import.megabytes", String.valueOf(RosterCsv.MAX_BYTES / (1024 * 1024)));
    }

    public String getMaxRows() {
        return count(RosterCsv.MAX_ROWS);
    }

    public List<String> getColumns() {
        return RosterColumns.ALL;
    }

    public boolean isAgencyKnown() {
        return agencyKnown;
    }

    public List<CohortView> getActiveCohorts() {
        return activeCohorts;
    }

    public Part getFile() {
        return file;
    }

    public void setFile(Part file) {
        this.file = file;
    }

    public String getFileName() {
        return fileName;
    }

    public RosterPreview getPreview() {
        return preview;
    }

    public RosterImportProgress getProgress() {
        return progress;
    }
}
