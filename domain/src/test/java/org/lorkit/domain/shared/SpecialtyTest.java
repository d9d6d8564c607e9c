package org.lorkit.domain.shared;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.junit.jupiter.params.provider.NullAndEmptySource;
import org.junit.jupiter.params.provider.ValueSource;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;
import static org.lorkit.domain.shared.Specialty.*;

class SpecialtyTest {
    @ParameterizedTest
    @ValueSource(strings = {"Internal Medicine", "internal medicine", "INTERNAL MEDICINE", "  Internal Medicine  ",
            "INTERNAL_MEDICINE", "internal_medicine", "internal-medicine"})
    void findsByLabelOrEnumNameIgnoringCase(String text) {
        assertThat(Specialty.find(text)).contains(INTERNAL_MEDICINE);
    }

    @Test
    void findsLabelsThatDifferFromTheEnumName() {
        assertThat(Specialty.find("obstetrics and gynecology")).contains(OBSTETRICS_GYNECOLOGY);
        assertThat(Specialty.find("obstetrics_gynecology")).contains(OBSTETRICS_GYNECOLOGY);
        assertThat(Specialty.find("Child and Adolescent Psychiatry")).contains(CHILD_PSYCHIATRY);
        assertThat(Specialty.find("pulmonology and critical care")).contains(PULMONOLOGY_CRITICAL_CARE);
    }

    @ParameterizedTest
    @EnumSource(Specialty.class)
    void everySpecialtyIsFoundByItsOwnLabelAndName(Specialty specialty) {
        assertThat(Specialty.find(specialty.label())).contains(specialty);
        assertThat(Specialty.find(specialty.name().toLowerCase())).contains(specialty);
    }

    @ParameterizedTest
    @NullAndEmptySource
    @ValueSource(strings = {"  ", "Dermatology", "IM", "Internal"})
    void unknownTextFindsNothing(String text) {
        assertThat(Specialty.find(text)).isEmpty();
    }

    @Test
    void parseReturnsTheSpecialty() {
        assertThat(Specialty.parse("specialty", "pediatrics")).isEqualTo(PEDIATRICS);
    }

    @Test
    void parseOfAnUnknownSpecialtyListsTheKnownOnes() {
        DomainException e = catchThrowableOfType(DomainException.class,
                () -> Specialty.parse("targetSpecialty", "Dermatology"));

        assertThat(e).isNotNull();
        assertThat(e.field()).isEqualTo("targetSpecialty");
        assertThat(e.getMessage()).contains("Dermatology")
                .contains("Internal Medicine", "Pediatrics", "Obstetrics and Gynecology", "Sports Medicine");
    }

    @Test
    void aCoreSpecialtyIsItsOwnCoreField() {
        assertThat(INTERNAL_MEDICINE.coreField()).isEqualTo(INTERNAL_MEDICINE);
        assertThat(INTERNAL_MEDICINE.isSubspecialty()).isFalse();
        assertThat(GENERAL_SURGERY.coreField()).isEqualTo(GENERAL_SURGERY);
    }

    @Test
    void subspecialtiesNameTheirCoreField() {
        assertThat(CARDIOLOGY.coreField()).isEqualTo(INTERNAL_MEDICINE);
        assertThat(CARDIOLOGY.isSubspecialty()).isTrue();
        assertThat(NEONATOLOGY.coreField()).isEqualTo(PEDIATRICS);
        assertThat(CHILD_PSYCHIATRY.coreField()).isEqualTo(PSYCHIATRY);
        assertThat(SPORTS_MEDICINE.coreField()).isEqualTo(FAMILY_MEDICINE);
    }

    @Test
    void theInternalMedicineSubspecialties() {
        assertThat(Specialty.values()).filteredOn(s -> s.isSubspecialty() && s.coreField() == INTERNAL_MEDICINE)
                .containsExactlyInAnyOrder(CARDIOLOGY, GASTROENTEROLOGY, NEPHROLOGY, PULMONOLOGY_CRITICAL_CARE,
                        HEMATOLOGY_ONCOLOGY, ENDOCRINOLOGY, INFECTIOUS_DISEASE, RHEUMATOLOGY, GERIATRICS);
    }

    @ParameterizedTest
    @EnumSource(Specialty.class)
    void aCoreFieldIsNeverItselfASubspecialty(Specialty specialty) {
        assertThat(specialty.coreField().isSubspecialty()).isFalse();
    }
}
