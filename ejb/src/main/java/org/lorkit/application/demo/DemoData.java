package org.lorkit.application.demo;

import jakarta.annotation.PostConstruct;
import jakarta.annotation.Resource;
import jakarta.ejb.DependsOn;
import jakarta.ejb.Singleton;
import jakarta.ejb.Startup;
import jakarta.ejb.TransactionManagement;
import jakarta.ejb.TransactionManagementType;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.transaction.UserTransaction;
import org.lorkit.settings.Settings;
import org.lorkit.application.TenantData;
import org.lorkit.domain.agency.Agency;
import org.lorkit.domain.agency.AgencyRules;
import org.lorkit.domain.attending.Attending;
import org.lorkit.domain.attending.AttendingTitle;
import org.lorkit.domain.cohort.Cohort;
import org.lorkit.domain.letter.KitDeadline;
import org.lorkit.domain.letter.LetterRequest;
import org.lorkit.domain.letter.LetterRequestEvent;
import org.lorkit.domain.letter.LetterState;
import org.lorkit.domain.rotation.ClinicalSetting;
import org.lorkit.domain.rotation.Rotation;
import org.lorkit.domain.rotation.RotationKind;
import org.lorkit.domain.shared.Specialty;
import org.lorkit.domain.student.Student;
import org.lorkit.infrastructure.tenancy.CurrentAgency;

import java.time.Clock;
import java.time.LocalDate;
import java.time.MonthDay;
import java.util.List;
import java.util.logging.Logger;

/**
 * Seeds the two demo agencies when the server starts with {@code lorkit.demo.seed=true} and it does not
 * exist yet; a restart keeps what is there. Rotation dates are set around the day of seeding so that
 * every ask-window phase shows, and letters stand in several states with a back-dated history.
 */
@Singleton
@Startup
@DependsOn("SchemaMigrator")
@TransactionManagement(TransactionManagementType.BEAN)
public class DemoData {
    private static final Logger LOG = Logger.getLogger(DemoData.class.getName());
    /** The demo agencies' slugs are the aliases of the demo organizations in the Keycloak realm. */
    public static final String SLUG = "bridgeway";
    public static final String SECOND_SLUG = "northstar";
    private static final String ACTOR = "demo-data";

    // Not the tenant's: creates the demo agency itself.
    @PersistenceContext(unitName = "lorkit")
    private EntityManager platform;
    @Inject
    private TenantData tenant;
    @Inject
    private Clock clock;
    @Resource
    private UserTransaction transaction;

    /** The day and time zone of the agency being seeded: its letters are dated on its own calendar. */
    private LocalDate today;
    private java.time.ZoneId zone;

    @PostConstruct
    void seedIfWanted() {
        if (!Settings.flag(Settings.DEMO_SEED)) {
            return;
        }
        seedOnce(SLUG, "Bridgeway Clinical Rotations", "letters@bridgeway.example", "America/New_York", this::seed);
        seedOnce(SECOND_SLUG, "Northstar USCE", "team@northstar.example", "America/Chicago", this::seedSecond);
    }

    /**
     * Creates the agency with its data in one transaction, unless it exists (a restart keeps what is
     * there). One transaction per agency: the tenant of a transaction never changes.
     */
    private void seedOnce(String slug, String name, String replyTo, String timeZone, Runnable tenantData) {
        try {
            transaction.begin();
            if (platform.createNamedQuery("Agency.findBySlug", Agency.class).setParameter("slug", slug).getResultList().isEmpty()) {
                Agency agency = new Agency(slug, name, replyTo, timeZone, clock.instant());
                platform.persist(agency);
                platform.flush();
                zone = agency.getTimeZone();
                today = LocalDate.now(clock.withZone(zone));
                CurrentAgency.runAs(agency.getId(), tenantData);
                LOG.info(() -> "Seeded the demo agency " + slug + " around " + today);
            } else {
                LOG.info(() -> "Demo agency " + slug + " already present: keeping its data");
            }
            transaction.commit();
        } catch (Exception e) {
            try {
                transaction.rollback();
            } catch (Exception ignored) {
                // the failure below says what went wrong
            }
            throw new IllegalStateException("Could not seed the demo agency " + slug, e);
        }
    }

    /** A smaller second agency, so that isolation between agencies can be seen and tried. */
    private void seedSecond() {
        EntityManager em = tenant.em();
        LocalDate submit = nextSubmitDate();
        int match = submit.getYear() + 1;
        Cohort peds = persist(em, new Cohort("Pediatrics - Match " + match, match, Specialty.PEDIATRICS,
                new Cohort.CycleDates(LocalDate.of(submit.getYear(), 6, 4), submit, submit)));
        Attending kim = persist(em, new Attending("Dr. Grace Kim", "g.kim@lakeshore-children.example", AttendingTitle.ATTENDING,
                Specialty.PEDIATRICS, true, "Lakeshore Children's Hospital"));
        Student li = student(em, peds, "Li Na", "li.na@student.example", "Peking University", "China", "18820011");
        Rotation liPeds = rotation(em, li, "Lakeshore Children's Hospital", Specialty.PEDIATRICS, -20, 7, kim, 20);
        letter(em, li, kim, liPeds, 0, List.of());
        student(em, peds, "Omar Haddad", "omar.haddad@student.example", "Cairo University", "Egypt", null);
        student(em, peds, "Priya Nair", "priya.nair@student.example", "Kerala University", "India", "18820099");
        em.flush();
    }

    private void seed() {
        EntityManager em = tenant.em();
        LocalDate submit = nextSubmitDate();
        Cohort.CycleDates cycle = new Cohort.CycleDates(LocalDate.of(submit.getYear(), 6, 4), submit, submit);
        int match = submit.getYear() + 1;
        Cohort im = persist(em, new Cohort("Internal Medicine - Match " + match, match, Specialty.INTERNAL_MEDICINE, cycle));
        Cohort fm = persist(em, new Cohort("Family Medicine - Match " + match, match, Specialty.FAMILY_MEDICINE, cycle));

        Attending patel = persist(em, new Attending("Dr. Anjali Patel", "a.patel@stmarys.example", AttendingTitle.ATTENDING,
                Specialty.INTERNAL_MEDICINE, true, "St. Mary's Medical Center"));
        Attending lee = persist(em, new Attending("Dr. Daniel Lee", "d.lee@lakeside.example", AttendingTitle.ATTENDING,
                Specialty.CARDIOLOGY, true, "Lakeside Heart Institute"));
        Attending brooks = persist(em, new Attending("Dr. Karen Brooks", "k.brooks@riverview.example", AttendingTitle.PROGRAM_DIRECTOR,
                Specialty.INTERNAL_MEDICINE, true, "Riverview University Hospital"));
        Attending garcia = persist(em, new Attending("Dr. Luis Garcia", "l.garcia@oakfamily.example", AttendingTitle.ATTENDING,
                Specialty.FAMILY_MEDICINE, true, "Oak Street Family Health"));
        Attending nguyen = persist(em, new Attending("Dr. Minh Nguyen", "m.nguyen@stmarys.example", AttendingTitle.ATTENDING,
                Specialty.PEDIATRICS, true, "St. Mary's Medical Center"));

        // Ideal window: ends in 4 days; 24 days with Dr. Patel.
        Student amara = student(em, im, "Amara Okafor", "amara.okafor@student.example", "University of Lagos", "Nigeria", "14029381");
        Rotation amaraIm = rotation(em, amara, "St. Mary's Medical Center", Specialty.INTERNAL_MEDICINE, -23, 4, patel, 24);
        letter(em, amara, patel, amaraIm, 0, List.of());

        // Acceptable window: ended 20 days ago; only 9 days with Dr. Lee (likely vague); asked 18 days ago.
        Student rahul = student(em, im, "Rahul Mehta", "rahul.mehta@student.example", "Grant Medical College", "India", "15530218");
        Rotation rahulCardio = rotation(em, rahul, "Lakeside Heart Institute", Specialty.CARDIOLOGY, -47, -20, lee, 9);
        letter(em, rahul, lee, rahulCardio, -19, List.of(step(LetterState.ASKED, -18, "asked by email")));

        // Too early: ends in 18 days.
        Student sofia = student(em, im, "Sofia Haddad", "sofia.haddad@student.example", "Lebanese University", "Lebanon", null);
        rotation(em, sofia, "Riverview University Hospital", Specialty.INTERNAL_MEDICINE, -10, 18, brooks, 10);

        // Late: ended 45 days ago; kit sent 40 days ago, one reminder 26 days ago.
        Student chen = student(em, im, "Chen Wei", "chen.wei@student.example", "Fudan University", "China", "16649920");
        Rotation chenIm = rotation(em, chen, "Riverview University Hospital", Specialty.INTERNAL_MEDICINE, -72, -45, brooks, 26);
        letter(em, chen, brooks, chenIm, -46, List.of(step(LetterState.ASKED, -46, "asked in person"),
                step(LetterState.STRONG_YES, -46, "\"Of course, send me your materials\""),
                step(LetterState.KIT_SENT, -40, null), step(LetterState.CONFIRMED, -38, "confirmed by link"),
                step(LetterState.REMINDED_1, -26, "first gentle reminder")));

        // Poor: ended 100 days ago; two letters already in ERAS.
        Student mariana = student(em, im, "Mariana Silva", "mariana.silva@student.example", "Universidade de São Paulo", "Brazil", "13377210");
        Rotation marianaIm = rotation(em, mariana, "St. Mary's Medical Center", Specialty.INTERNAL_MEDICINE, -128, -100, patel, 28);
        Rotation marianaPeds = rotation(em, mariana, "St. Mary's Medical Center", Specialty.PEDIATRICS, -160, -133, nguyen, 20);
        letter(em, mariana, patel, marianaIm, -102, submittedHistory(-102, -98, -70));
        letter(em, mariana, nguyen, marianaPeds, -135, submittedHistory(-135, -130, -110));

        // Family medicine: ended 3 days ago; a real yes 2 days ago (send the kit today), and a lukewarm answer.
        Student yusuf = student(em, fm, "Yusuf Demir", "yusuf.demir@student.example", "Hacettepe University", "Turkey", "17781234");
        Rotation yusufFm = rotation(em, yusuf, "Oak Street Family Health", Specialty.FAMILY_MEDICINE, -30, -3, garcia, 27);
        yusufFm.addSupervisor(nguyen, 5);
        letter(em, yusuf, garcia, yusufFm, -4, List.of(step(LetterState.ASKED, -3, "asked after rounds"),
                step(LetterState.STRONG_YES, -2, "\"Yes, absolutely. I'd be happy to.\"")));
        letter(em, yusuf, nguyen, yusufFm, -4, List.of(step(LetterState.ASKED, -3, "asked in person"),
                step(LetterState.LUKEWARM, -3, "\"I don't know you that well, but I guess I can.\"")));
        em.flush();
    }

    /** The next September submit date at least two months away. */
    private LocalDate nextSubmitDate() {
        LocalDate candidate = MonthDay.of(9, 24).atYear(today.getYear());
        return candidate.isAfter(today.plusMonths(2)) ? candidate : candidate.plusYears(1);
    }

    private record Step(LetterState state, int dayOffset, String reason) {
    }

    private static Step step(LetterState state, int dayOffset, String reason) {
        return new Step(state, dayOffset, reason);
    }

    private static List<Step> submittedHistory(int askedDay, int kitDay, int uploadedDay) {
        return List.of(step(LetterState.ASKED, askedDay, "asked in person"),
                step(LetterState.STRONG_YES, askedDay, "\"Sure, you've done a great job\""),
                step(LetterState.KIT_SENT, kitDay, null), step(LetterState.CONFIRMED, kitDay + 1, "confirmed by link"),
                step(LetterState.SUBMITTED, uploadedDay, "student saw \"received\" in ERAS"));
    }

    private <T> T persist(EntityManager em, T entity) {
        em.persist(entity);
        return entity;
    }

    private Student student(EntityManager em, Cohort cohort, String name, String email, String school, String country, String eras) {
        Student student = new Student(cohort, name, email, List.of(cohort.getTargetSpecialty()));
        student.describeBackground(school, country);
        student.recordErasIds(eras, null);
        return persist(em, student);
    }

    private Rotation rotation(EntityManager em, Student student, String site, Specialty specialty, int startDay, int endDay,
                              Attending attending, int contactDays) {
        Rotation rotation = new Rotation(student, site, specialty, ClinicalSetting.INPATIENT, RotationKind.HANDS_ON, true,
                today.plusDays(startDay), today.plusDays(endDay));
        rotation.addSupervisor(attending, contactDays);
        return persist(em, rotation);
    }

    private void letter(EntityManager em, Student student, Attending attending, Rotation rotation, int plannedDay, List<Step> steps) {
        LetterRequest request = new LetterRequest(student, attending, rotation, student.primaryTargetSpecialty(), at(plannedDay).toInstant());
        em.persist(request);
        em.persist(LetterRequestEvent.created(request, ACTOR, at(plannedDay).toInstant()));
        for (Step step : steps) {
            LetterRequestEvent event = step.state() == LetterState.KIT_SENT
                    ? request.markKitSent(KitDeadline.proposeFor(today.plusDays(step.dayOffset()),
                    student.effectivePlannedSubmitOn(), AgencyRules.DEFAULTS).date(), ACTOR, at(step.dayOffset())) // a new agency: the defaults
                    : request.moveTo(step.state(), ACTOR, step.reason(), at(step.dayOffset()));
            em.persist(event);
        }
    }

    private java.time.ZonedDateTime at(int dayOffset) {
        return today.plusDays(dayOffset).atTime(14, 0).atZone(zone);
    }
}
