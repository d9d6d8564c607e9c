package org.lorkit.web.api;

import jakarta.ejb.EJBAccessException;
import jakarta.ejb.EJBException;
import org.junit.jupiter.api.Test;
import org.lorkit.domain.shared.DomainException;
import org.lorkit.domain.shared.FieldProblems;

import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

class ApiProblemsTest {
    @Test
    void everyFieldRefusedComesBackWithItsWords() {
        ApiProblem problem = ApiProblems.describe(new FieldProblems(List.of(
                new FieldProblems.Problem("email", "email is not a valid email address"),
                new FieldProblems.Problem("cohort", "cohort is required: the name of one of your active cohorts"))));

        assertThat(problem.status()).isEqualTo(400);
        assertThat(problem.type()).isEqualTo("urn:lorkit:problem:validation");
        assertThat(problem.errors()).extracting(ApiProblem.FieldError::field).containsExactly("email", "cohort");
    }

    @Test
    void theOneNotFoundIs404EvenOutOfTheContainersWrapping() {
        ApiProblem problem = ApiProblems.describe(new EJBException(new DomainException("id", "No letter request with id 52")));

        assertThat(problem.status()).isEqualTo(404);
        assertThat(problem.detail()).isEqualTo("No letter request with id 52");
        assertThat(problem.errors()).isNull();
    }

    @Test
    void aRuleWithAFieldIsValidationAndWithoutOneARefusal() {
        assertThat(ApiProblems.describe(new DomainException("name", "Give the client a name")).errors())
                .containsExactly(new ApiProblem.FieldError("name", "Give the client a name"));
        assertThat(ApiProblems.describe(new DomainException("Keycloak cannot be reached right now")).status()).isEqualTo(409);
    }

    @Test
    void aCallerWithoutTheRoleIs403() {
        assertThat(ApiProblems.describe(new EJBAccessException("WFLYEJB0364")).status()).isEqualTo(403);
    }

    @Test
    void anythingUnforeseenIs500WithAnIncidentAndNoInnards() {
        ApiProblem problem = ApiProblems.describe(new IllegalStateException("Connection pool of LorKitDS exhausted at com.example.Secret"));

        assertThat(problem.status()).isEqualTo(500);
        assertThat(problem.detail()).contains("Incident").doesNotContain("LorKitDS").doesNotContain("Secret");
    }
}
