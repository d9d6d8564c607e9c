package org.lorkit.web.agency;

import jakarta.faces.view.ViewScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import org.lorkit.application.cohort.CohortService;
import org.lorkit.application.cohort.CohortView;
import org.lorkit.application.dashboard.CompletionDashboard;
import org.lorkit.application.dashboard.DashboardFigures;
import org.lorkit.application.dashboard.FunnelStep;
import org.lorkit.application.dashboard.Standing;
import org.lorkit.application.dashboard.StudentQuery;
import org.lorkit.application.dashboard.StudentStanding;
import org.lorkit.domain.letter.LetterState;
import org.lorkit.domain.shared.Labels;
import org.lorkit.web.support.Messages;
import org.primefaces.model.DefaultStreamedContent;
import org.primefaces.model.FilterMeta;
import org.primefaces.model.LazyDataModel;
import org.primefaces.model.SortMeta;
import org.primefaces.model.SortOrder;
import org.primefaces.model.StreamedContent;

import java.io.ByteArrayInputStream;
import java.io.Serializable;
import java.util.List;
import java.util.Map;

/**
 * The completion dashboard: a cohort's (or the agency's) figures, each a link to the students behind it,
 * the funnel, and the students table (at risk first), sorted, filtered and paged in the database.
 */
@Named
@ViewScoped
public class CompletionDashboardPage implements Serializable {
    private static final long serialVersionUID = 1L;

    @Inject
    private CompletionDashboard dashboard;
    @Inject
    private CohortService cohorts;

    /** From the URL: the cohort, and the figure drilled into. */
    private Long cohortId;
    private Standing standing = Standing.AT_RISK;
    private LetterState letterState;
    private FunnelStep reached;
    private String search;
    /** Students per page of the table (its rows attribute reads it). */
    static final int PAGE_SIZE = 25;
    /** The table's current order, so the CSV export lists the rows as the table shows them. */
    private String sortBy = "submit";
    private boolean ascending = true;

    private List<CohortView> cohortList = List.of();
    private DashboardFigures figures;
    /** The agency's at-risk horizon, as the figures were counted by. */
    private int horizonDays;
    private final Students students = new Students();

    public void load() {
        cohortList = cohorts.listActive();
        if (cohortId != null && cohortList.stream().noneMatch(c -> c.id() == cohortId)) {
            cohortId = null; // an unknown or archived cohort: show the whole agency rather than an error
        }
        figures = dashboard.figures(cohortId);
        horizonDays = dashboard.atRiskHorizonDays();
    }

    /** Shows the students of one standing (from a headline figure). */
    public void drill(Standing to) {
        standing = to;
        letterState = null;
        reached = null;
    }

    /** Shows the students who reached a funnel stage. */
    public void drillFunnel(FunnelStep to) {
        reached = to;
        standing = null;
        letterState = null;
    }

    /** Shows the students with a letter in that state (from the letters-by-state figures). */
    public void drillState(LetterState to) {
        letterState = to;
        standing = null;
        reached = null;
    }

    public void showAll() {
        standing = null;
        letterState = null;
        reached = null;
    }

    public String getDrillLabel() {
        if (reached != null) {
            return Messages.text("dashboard.drill.funnel", reached.label().toLowerCase());
        }
        if (letterState != null) {
            return Messages.text("dashboard.drill.state", Labels.of(letterState));
        }
        return standing == null ? Messages.text("dashboard.drill.all") : Messages.text("dashboard.drill.standing", standing.label().toLowerCase());
    }

    /** What a headline figure's link says it shows. */
    public String standingLinkTitle(Standing shown) {
        return Messages.text("dashboard.standing.link", shown.label().toLowerCase());
    }

    /** What a letters-by-state link says it shows. */
    public String stateLinkTitle(LetterState shown) {
        return Messages.text("dashboard.state.link", Labels.of(shown));
    }


    public long maxFunnel() {
        return figures == null ? 0 : figures.funnel().stream().mapToLong(DashboardFigures.FunnelStage::count).max().orElse(0);
    }

    /** A funnel bar's width in percent of the widest stage (at least a sliver, so zero still shows). */
    public long barWidth(long count) {
        long max = maxFunnel();
        return max == 0 ? 1 : Math.max(1, Math.round(100.0 * count / max));
    }

    public StreamedContent getCsv() {
        StudentQuery query = query(sortBy, ascending, 0, 500);
        org.lorkit.application.CsvExport.File file = dashboard.exportCsv(query);
        byte[] csv = file.bytes();
        return DefaultStreamedContent.builder().name(file.name()).contentType("text/csv; charset=UTF-8")
                .stream(() -> new ByteArrayInputStream(csv)).build();
    }

    public int getPageSize() {
        return PAGE_SIZE;
    }

    StudentQuery query(String sortBy, boolean ascending, int first, int pageSize) {
        return new StudentQuery(cohortId, standing, letterState, search, sortBy, ascending, first, pageSize, reached);
    }

    /** The students table's rows, one page at a time from the database. */
    public class Students extends LazyDataModel<StudentStanding> {
        private static final long serialVersionUID = 1L;
        private transient CompletionDashboard.StudentPage page;
        /** The page {@link #count} read, and what for: the table asks for its size and then for a page, in one request. */
        private transient CompletionDashboard.StudentPage counted;
        private transient StudentQuery countedFor;

        /**
         * The table's size, read with the page it shows first (the first page in the table's order): one statement
         * answers both when the {@link #load} that follows asks for that page, as a view that opens does.
         */
        @Override
        public int count(Map<String, FilterMeta> filterBy) {
            countedFor = query(sortBy, ascending, 0, PAGE_SIZE);
            counted = dashboard.students(countedFor);
            return (int) counted.total();
        }

        @Override
        public List<StudentStanding> load(int first, int pageSize, Map<String, SortMeta> sortBy, Map<String, FilterMeta> filterBy) {
            String sort = "submit";
            boolean ascending = true;
            if (sortBy != null && !sortBy.isEmpty()) {
                SortMeta meta = sortBy.values().iterator().next();
                sort = switch (meta.getField()) {
                    case "name", "cohort", "submit", "strong", "risk" -> meta.getField();
                    default -> "submit";
                };
                ascending = meta.getOrder() != SortOrder.DESCENDING;
            }
            CompletionDashboardPage.this.sortBy = sort;
            CompletionDashboardPage.this.ascending = ascending;
            StudentQuery wanted = query(sort, ascending, first, pageSize);
            page = wanted.equals(countedFor) ? counted : dashboard.students(wanted);
            counted = null;
            countedFor = null;
            setRowCount((int) page.total());
            return page.rows();
        }

        @Override
        public String getRowKey(StudentStanding row) {
            return String.valueOf(row.studentId());
        }

        @Override
        public StudentStanding getRowData(String rowKey) {
            return page == null ? null : page.rows().stream().filter(r -> getRowKey(r).equals(rowKey)).findFirst().orElse(null);
        }

        public List<String> reasons(StudentStanding row) {
            return page == null ? List.of() : page.reasons(row);
        }
    }

    public Students getStudents() {
        return students;
    }

    public Long getCohortId() {
        return cohortId;
    }

    public void setCohortId(Long cohortId) {
        this.cohortId = cohortId;
    }

    public String getSearch() {
        return search;
    }

    public void setSearch(String search) {
        this.search = search == null || search.isBlank() ? null : search.strip();
    }

    public Standing getStanding() {
        return standing;
    }

    public LetterState getLetterState() {
        return letterState;
    }

    public FunnelStep getReached() {
        return reached;
    }

    public List<CohortView> getCohortList() {
        return cohortList;
    }

    public DashboardFigures getFigures() {
        return figures;
    }

    public int getHorizonDays() {
        return horizonDays;
    }

    public Standing[] getStandings() {
        return Standing.values();
    }

    public LetterState[] getLetterStates() {
        return LetterState.values();
    }
}
