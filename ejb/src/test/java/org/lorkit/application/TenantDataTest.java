package org.lorkit.application;

import jakarta.ejb.SessionContext;
import jakarta.persistence.EntityManager;
import org.junit.jupiter.api.Test;
import org.lorkit.domain.agency.Agency;
import org.lorkit.domain.cohort.Cohort;
import org.lorkit.domain.shared.DomainException;
import org.lorkit.domain.shared.Specialty;
import org.lorkit.domain.student.Student;
import org.lorkit.infrastructure.tenancy.TenantEntityManager;

import java.lang.reflect.Proxy;
import java.security.Principal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** What a service gets from TenantData: the same not-found words as before, the agency read once, and who may read a student. */
class TenantDataTest {
    private static final long AGENCY_ID = 7;
    private final Map<Object, Object> rows = new HashMap<>();
    private final Map<Class<?>, Integer> finds = new HashMap<>();
    private boolean cleared;
    private final TenantData data = new TenantData();

    TenantDataTest() {
        EntityManager em = (EntityManager) Proxy.newProxyInstance(getClass().getClassLoader(), new Class<?>[]{EntityManager.class},
                (proxy, method, args) -> switch (method.getName()) {
                    case "find" -> {
                        finds.merge((Class<?>) args[0], 1, Integer::sum);
                        yield rows.get(List.of(args[0], args[1]));
                    }
                    case "contains" -> !cleared;
                    default -> throw new UnsupportedOperationException(method.getName());
                });
        data.tenant = new TenantEntityManager() {
            @Override
            public EntityManager get() {
                return em;
            }

            @Override
            public long agencyId() {
                return AGENCY_ID;
            }
        };
    }

    @Test
    void a_missing_record_is_reported_with_the_words_and_field_of_before() {
        assertThatThrownBy(() -> data.require(Student.class, 41L, "studentId"))
                .isInstanceOf(DomainException.class).hasMessage("No student with id 41")
                .satisfies(e -> assertThat(((DomainException) e).field()).isEqualTo("studentId"));
        assertThatThrownBy(() -> data.require(Student.class, null, "studentId")).hasMessage("No student with id null");
    }

    @Test
    void the_agency_is_read_once_per_transaction_and_again_only_after_the_entity_manager_was_cleared() {
        Agency agency = new Agency("bridgeway", "Bridgeway", null, "UTC", Instant.EPOCH);
        rows.put(List.of(Agency.class, AGENCY_ID), agency);

        assertThat(data.agency()).isSameAs(agency);
        assertThat(data.agency()).isSameAs(agency);
        assertThat(finds.get(Agency.class)).isEqualTo(1);

        cleared = true;
        assertThat(data.agency()).isSameAs(agency);
        assertThat(finds.get(Agency.class)).isEqualTo(2);
    }

    @Test
    void staff_read_any_student_of_the_agency_and_a_student_only_themself() {
        Student amina = student("amina@example.org");
        rows.put(List.of(Student.class, 5L), amina);

        assertThat(data.readableStudent(caller("coordinator@agency.example", Roles.AGENCY_STAFF), 5L)).isSameAs(amina);
        assertThat(data.readableStudent(caller("admin@agency.example", Roles.AGENCY_ADMIN), 5L)).isSameAs(amina);
        assertThat(data.readableStudent(caller("Amina@Example.org", Roles.STUDENT), 5L)).isSameAs(amina);
        assertThatThrownBy(() -> data.readableStudent(caller("luis@example.org", Roles.STUDENT), 5L))
                .isInstanceOf(DomainException.class).hasMessage("No student with id 5");
        assertThatThrownBy(() -> data.readableStudent(caller("coordinator@agency.example", Roles.AGENCY_STAFF), 6L))
                .hasMessage("No student with id 6");
    }

    private static Student student(String email) {
        Cohort cohort = new Cohort("IM - Match 2028", 2028, Specialty.INTERNAL_MEDICINE,
                new Cohort.CycleDates(LocalDate.of(2027, 6, 5), LocalDate.of(2027, 9, 15), LocalDate.of(2027, 9, 24)));
        return new Student(cohort, "Amina Rahman", email, List.of(Specialty.INTERNAL_MEDICINE));
    }

    /** A caller as the calling bean's SessionContext reports them. */
    private static SessionContext caller(String login, String role) {
        Principal principal = () -> login;
        return (SessionContext) Proxy.newProxyInstance(TenantDataTest.class.getClassLoader(), new Class<?>[]{SessionContext.class},
                (proxy, method, args) -> switch (method.getName()) {
                    case "getCallerPrincipal" -> principal;
                    case "isCallerInRole" -> Set.of(role).contains(args[0]);
                    default -> throw new UnsupportedOperationException(method.getName());
                });
    }
}
