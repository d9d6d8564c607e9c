package org.lorkit.domain.rotation;

import org.lorkit.domain.agency.AgencyRules;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.lorkit.domain.TestData;
import org.lorkit.domain.attending.Attending;
import org.lorkit.domain.attending.AttendingTitle;
import org.lorkit.domain.shared.Dates;
import org.lorkit.domain.shared.DomainException;
import org.lorkit.domain.shared.Specialty;
import org.lorkit.domain.student.Student;

import java.time.LocalDate;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

class RotationTest {
    private static final LocalDate START = LocalDate.of(2027, 6, 1);
    private static final LocalDate END = LocalDate.of(2027, 6, 28);   // 28 days inclusive

    private final Student student = TestData.student();
    private final Attending attending = TestData.imAttending();

    private Rotation rotation(String site, LocalDate start, LocalDate end) {
        return new Rotation(student, site, Specialty.INTERNAL_MEDICINE, ClinicalSetting.INPATIENT,
                RotationKind.HANDS_ON, true, start, end);
    }

    @Test
    void aValidRotationKeepsItsData() {
        Rotation rotation = rotation("  Mercy General Hospital ", START, END);

        assertThat(rotation.getStudent()).isSameAs(student);
        assertThat(rotation.getSite()).isEqualTo("Mercy General Hospital");
        assertThat(rotation.getStartDate()).isEqualTo(START);
        assertThat(rotation.getEndDate()).isEqualTo(END);
        assertThat(rotation.lengthInDays()).isEqualTo(28);
        assertThat(rotation.getSupervisions()).isEmpty();
    }

    @Test
    void aOneDayRotationIsAllowed() {
        assertThat(rotation("Clinic", START, START).lengthInDays()).isEqualTo(1);
    }

    @Test
    void endBeforeStartIsRefusedOnTheEndDateField() {
        DomainException e = catchThrowableOfType(DomainException.class,
                () -> rotation("Mercy General", END, START));

        assertThat(e).isNotNull();
        assertThat(e.field()).isEqualTo("endDate");
        assertThat(e.getMessage()).contains(Dates.day(START)).contains(Dates.day(END));
    }

    @Test
    void aRotationLongerThanAYearIsRefused() {
        assertThatThrownBy(() -> rotation("Mercy General", START, START.plusDays(367)))
                .isInstanceOf(DomainException.class)
                .extracting(e -> ((DomainException) e).field()).isEqualTo("endDate");
    }

    @ParameterizedTest
    @ValueSource(strings = {"", "   ", "\t"})
    void blankSiteIsRefused(String site) {
        assertThatThrownBy(() -> rotation(site, START, END))
                .isInstanceOf(DomainException.class)
                .extracting(e -> ((DomainException) e).field()).isEqualTo("site");
    }

    @Test
    void nullSiteIsRefused() {
        assertThatThrownBy(() -> rotation(null, START, END))
                .isInstanceOf(DomainException.class)
                .extracting(e -> ((DomainException) e).field()).isEqualTo("site");
    }

    @Test
    void addSupervisorRecordsTheContactAndItsAdvice() {
        Rotation rotation = rotation("Mercy General", START, END);

        Supervision supervision = rotation.addSupervisor(attending, 20);

        assertThat(supervision.getAttending()).isSameAs(attending);
        assertThat(supervision.getRotation()).isSameAs(rotation);
        assertThat(supervision.getContactDays()).isEqualTo(20);
        assertThat(supervision.contactAdvice(AgencyRules.DEFAULTS)).isEqualTo(ContactAdvice.ENOUGH);
        assertThat(rotation.supervisorFor(attending)).contains(supervision);
        assertThat(rotation.getSupervisions()).containsExactly(supervision);
    }

    @Test
    void aRotationMayHaveSeveralSupervisors() {
        Rotation rotation = rotation("Mercy General", START, END);
        Attending second = TestData.attending("Omar Haddad", AttendingTitle.ATTENDING, Specialty.CARDIOLOGY, true);

        rotation.addSupervisor(attending, 28);
        rotation.addSupervisor(second, 10);

        assertThat(rotation.getSupervisions()).hasSize(2);
        assertThat(rotation.supervisorFor(second).orElseThrow().contactAdvice(AgencyRules.DEFAULTS)).isEqualTo(ContactAdvice.LIKELY_VAGUE);
    }

    @Test
    void addingTheSameSupervisorTwiceIsRefused() {
        Rotation rotation = rotation("Mercy General", START, END);
        rotation.addSupervisor(attending, 20);

        assertThatThrownBy(() -> rotation.addSupervisor(attending, 5))
                .isInstanceOf(DomainException.class)
                .hasMessageContaining("Dana Lee")
                .extracting(e -> ((DomainException) e).field()).isEqualTo("attending");
        assertThat(rotation.getSupervisions()).hasSize(1);
    }

    @Test
    void contactDaysUpToTheRotationLengthAreAccepted() {
        Rotation rotation = rotation("Mercy General", START, END);

        assertThat(rotation.addSupervisor(attending, 28).contactAdvice(AgencyRules.DEFAULTS)).isEqualTo(ContactAdvice.IDEAL);
    }

    @Test
    void contactDaysBeyondTheRotationLengthAreRefused() {
        Rotation rotation = rotation("Mercy General", START, END);

        assertThatThrownBy(() -> rotation.addSupervisor(attending, 29))
                .isInstanceOf(DomainException.class)
                .hasMessageContaining("28")
                .extracting(e -> ((DomainException) e).field()).isEqualTo("contactDays");
        assertThat(rotation.getSupervisions()).isEmpty();
    }

    @Test
    void negativeContactDaysAreRefused() {
        Rotation rotation = rotation("Mercy General", START, END);

        assertThatThrownBy(() -> rotation.addSupervisor(attending, -1))
                .isInstanceOf(DomainException.class)
                .extracting(e -> ((DomainException) e).field()).isEqualTo("contactDays");
    }

    @Test
    void supervisionsAreReturnedAsAReadOnlyCopy() {
        Rotation rotation = rotation("Mercy General", START, END);
        rotation.addSupervisor(attending, 20);

        assertThatThrownBy(() -> rotation.getSupervisions().clear())
                .isInstanceOf(UnsupportedOperationException.class);
    }

    @Test
    void askWindowUsesTheRotationDates() {
        Rotation rotation = rotation("Mercy General", START, END);

        AskWindow window = rotation.askWindow(END.minusDays(2), AgencyRules.DEFAULTS);

        assertThat(window.phase()).isEqualTo(AskWindow.Phase.IDEAL);
        assertThat(window.endDate()).isEqualTo(END);
    }

    @Test
    void aRevisedRotationIsCheckedLikeANewOne() {
        Rotation rotation = rotation("Mercy General", START, END);

        rotation.revise(" St. Mary ", Specialty.PEDIATRICS, ClinicalSetting.OUTPATIENT, RotationKind.OBSERVERSHIP, false,
                START.plusDays(7), END.plusDays(7));

        assertThat(rotation.getSite()).isEqualTo("St. Mary");
        assertThat(rotation.getSpecialty()).isEqualTo(Specialty.PEDIATRICS);
        assertThat(rotation.getKind()).isEqualTo(RotationKind.OBSERVERSHIP);
        assertThat(rotation.isAcademicAffiliated()).isFalse();
        assertThat(rotation.getStartDate()).isEqualTo(START.plusDays(7));
        assertThatThrownBy(() -> rotation.revise("St. Mary", Specialty.PEDIATRICS, ClinicalSetting.OUTPATIENT,
                RotationKind.OBSERVERSHIP, false, END, START))
                .isInstanceOf(DomainException.class).extracting("field").isEqualTo("endDate");
        assertThat(rotation.getEndDate()).as("a refused revision changes nothing").isEqualTo(END.plusDays(7));
    }

    @Test
    void aRevisionMayNotShortenTheRotationBelowASupervisorsContactDays() {
        Rotation rotation = rotation("Mercy General", START, END);
        rotation.addSupervisor(attending, 20);

        DomainException e = catchThrowableOfType(DomainException.class, () -> rotation.revise("Mercy General",
                Specialty.INTERNAL_MEDICINE, ClinicalSetting.INPATIENT, RotationKind.HANDS_ON, true, START, START.plusDays(9)));

        assertThat(e.field()).isEqualTo("endDate");
        assertThat(e.getMessage()).contains("20 contact days").contains("10 days");
        assertThat(rotation.getEndDate()).isEqualTo(END);
    }
}
