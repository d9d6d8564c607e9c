package org.lorkit.domain.shared;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class PersonNameTest {

    @Test
    void theFamilyNameIsTheLastWord() {
        assertThat(PersonName.familyName("Luis Garcia")).isEqualTo("Garcia");
        assertThat(PersonName.familyName("Wei Chen")).isEqualTo("Chen");
        assertThat(PersonName.familyName("  Luis   Garcia ")).isEqualTo("Garcia");
    }

    @Test
    void aTitleBeforeTheNameIsNoPartOfIt() {
        assertThat(PersonName.familyName("Dr. Luis Garcia")).isEqualTo("Garcia");
        assertThat(PersonName.familyName("Dr Luis Garcia")).isEqualTo("Garcia");
        assertThat(PersonName.familyName("Prof. Dr. Grace Kim")).isEqualTo("Kim");
    }

    @Test
    void degreesAfterTheNameAreNoPartOfIt() {
        assertThat(PersonName.familyName("Luis Garcia, MD")).isEqualTo("Garcia");
        assertThat(PersonName.familyName("Luis Garcia, M.D., PhD")).isEqualTo("Garcia");
        assertThat(PersonName.familyName("Luis Garcia MD")).isEqualTo("Garcia");
        assertThat(PersonName.familyName("John Smith Jr.")).isEqualTo("Smith");
    }

    @Test
    void particlesBelongToTheFamilyName() {
        assertThat(PersonName.familyName("María José de la Cruz")).isEqualTo("de la Cruz");
        assertThat(PersonName.familyName("Jan van der Berg")).isEqualTo("van der Berg");
        assertThat(PersonName.familyName("Dr. Anna De Luca")).isEqualTo("De Luca");
    }

    @Test
    void aFirstWordIsNeverAParticle() {
        assertThat(PersonName.familyName("Van Berg")).isEqualTo("Berg");
    }

    @Test
    void aHyphenatedFamilyNameStaysWhole() {
        assertThat(PersonName.familyName("Anne-Marie Dubois-Laurent")).isEqualTo("Dubois-Laurent");
    }

    @Test
    void aSingleNameIsTheFamilyName() {
        assertThat(PersonName.familyName("Madonna")).isEqualTo("Madonna");
        assertThat(PersonName.familyName("Dr. Ramanathan")).isEqualTo("Ramanathan");
    }

    @Test
    void aNameWrittenFamilyNameFirstGivesThePartBeforeTheComma() {
        assertThat(PersonName.familyName("Garcia, Luis")).isEqualTo("Garcia");
        assertThat(PersonName.familyName("de la Cruz, María José")).isEqualTo("de la Cruz");
    }

    @Test
    void noNameHasNoFamilyName() {
        assertThat(PersonName.familyName(null)).isEmpty();
        assertThat(PersonName.familyName("  ")).isEmpty();
        assertThat(PersonName.doctor(null)).isEmpty();
    }

    @Test
    void aPhysicianIsAddressedByTitleAndFamilyName() {
        assertThat(PersonName.doctor("Dr. Luis Garcia")).isEqualTo("Dr. Garcia");
        assertThat(PersonName.doctor("Luis Garcia, MD")).isEqualTo("Dr. Garcia");
        assertThat(PersonName.doctor("María José de la Cruz")).isEqualTo("Dr. de la Cruz");
    }
}
