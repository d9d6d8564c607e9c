package org.lorkit.domain.link;

import static org.lorkit.domain.TestData.utc;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.lorkit.domain.TestData;
import org.lorkit.domain.attending.Attending;
import org.lorkit.domain.letter.LetterRequest;
import org.lorkit.domain.letter.LetterState;
import org.lorkit.domain.rotation.Rotation;
import org.lorkit.domain.shared.DomainException;
import org.lorkit.domain.shared.Specialty;
import org.lorkit.domain.student.Student;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.lorkit.domain.link.AttendingLink.Access.*;

class AttendingLinkTest {
    private static final Instant ISSUED = Instant.parse("2027-06-27T18:00:00Z");
    private static final String HASH = CapabilityToken.hash("token");

    private LetterRequest request;

    @BeforeEach
    void setUp() {
        Student student = TestData.student();
        Attending attending = TestData.imAttending();
        Rotation rotation = TestData.imRotation(student);
        rotation.addSupervisor(attending, 28);
        request = new LetterRequest(student, attending, rotation, Specialty.INTERNAL_MEDICINE, ISSUED.minus(Duration.ofDays(7)));
        request.moveTo(LetterState.ASKED, "student", null, utc(ISSUED.minus(Duration.ofDays(2))));
        request.moveTo(LetterState.STRONG_YES, "student", null, utc(ISSUED.minus(Duration.ofDays(1))));
        request.markKitSent(LocalDate.of(2027, 7, 25), "student", utc(ISSUED));
    }

    @Test
    void a_kit_link_reads_for_ninety_days() {
        AttendingLink link = new AttendingLink(request, LinkPurpose.KIT, HASH, 7L, ISSUED);
        assertThat(link.getExpiresAt()).isEqualTo(ISSUED.plus(Duration.ofDays(90)));
        assertThat(link.access(LinkPurpose.KIT, ISSUED.plus(Duration.ofDays(90)).minusSeconds(1))).isEqualTo(OPEN);
        assertThat(link.access(LinkPurpose.KIT, ISSUED.plus(Duration.ofDays(90)))).isEqualTo(EXPIRED);
    }

    @Test
    void a_confirm_link_has_no_expiry_but_closes_with_the_request() {
        AttendingLink link = new AttendingLink(request, LinkPurpose.CONFIRM, HASH, null, ISSUED);
        assertThat(link.getExpiresAt()).isNull();
        assertThat(link.access(LinkPurpose.CONFIRM, ISSUED.plus(Duration.ofDays(400)))).isEqualTo(OPEN);
        request.moveTo(LetterState.WITHDRAWN, "student", null, utc(ISSUED.plusSeconds(60)));
        assertThat(link.access(LinkPurpose.CONFIRM, ISSUED.plusSeconds(120))).isEqualTo(EXPIRED);
    }

    @Test
    void a_link_serves_only_its_own_purpose() {
        assertThat(new AttendingLink(request, LinkPurpose.KIT, HASH, null, ISSUED).access(LinkPurpose.CONFIRM, ISSUED)).isEqualTo(WRONG_PURPOSE);
        assertThat(new AttendingLink(request, LinkPurpose.CONFIRM, HASH, null, ISSUED).access(LinkPurpose.KIT, ISSUED)).isEqualTo(WRONG_PURPOSE);
    }

    @Test
    void a_revoked_link_stays_revoked_from_the_first_revocation() {
        AttendingLink link = new AttendingLink(request, LinkPurpose.KIT, HASH, null, ISSUED);
        link.revoke(ISSUED.plusSeconds(10));
        link.revoke(ISSUED.plusSeconds(20));
        assertThat(link.getRevokedAt()).isEqualTo(ISSUED.plusSeconds(10));
        assertThat(link.access(LinkPurpose.KIT, ISSUED.plusSeconds(30))).isEqualTo(REVOKED);
        assertThat(link.access(LinkPurpose.CONFIRM, ISSUED.plus(Duration.ofDays(100)))).as("revoked comes first").isEqualTo(REVOKED);
        assertThat(link.canAnswer(ISSUED.plusSeconds(30))).isFalse();
    }

    @Test
    void answers_are_possible_while_the_link_is_open_and_the_request_too() {
        AttendingLink link = new AttendingLink(request, LinkPurpose.KIT, HASH, null, ISSUED);
        assertThat(link.canAnswer(ISSUED.plusSeconds(60))).isTrue();
        assertThat(link.canAnswer(ISSUED.plus(Duration.ofDays(91)))).isFalse();
        request.moveTo(LetterState.WITHDRAWN, "student", null, utc(ISSUED.plusSeconds(60)));
        assertThat(link.access(LinkPurpose.KIT, ISSUED.plusSeconds(120))).as("the kit still reads").isEqualTo(OPEN);
        assertThat(link.canAnswer(ISSUED.plusSeconds(120))).isFalse();
    }

    @Test
    void it_keeps_its_request_purpose_and_the_email_that_carried_it() {
        AttendingLink link = new AttendingLink(request, LinkPurpose.KIT, HASH, 7L, ISSUED);
        assertThat(link.getRequest()).isSameAs(request);
        assertThat(link.getPurpose()).isEqualTo(LinkPurpose.KIT);
        assertThat(link.getOutboxEmailId()).isEqualTo(7L);
        assertThat(link.getRevokedAt()).isNull();
    }

    @Test
    void its_parts_are_required() {
        assertThatThrownBy(() -> new AttendingLink(null, LinkPurpose.KIT, HASH, null, ISSUED)).isInstanceOf(DomainException.class);
        assertThatThrownBy(() -> new AttendingLink(request, null, HASH, null, ISSUED)).isInstanceOf(DomainException.class);
        assertThatThrownBy(() -> new AttendingLink(request, LinkPurpose.KIT, " ", null, ISSUED)).isInstanceOf(DomainException.class);
        assertThatThrownBy(() -> new AttendingLink(request, LinkPurpose.KIT, HASH + "0", null, ISSUED)).isInstanceOf(DomainException.class);
        assertThatThrownBy(() -> new AttendingLink(request, LinkPurpose.KIT, HASH, null, null)).isInstanceOf(DomainException.class);
    }
}
