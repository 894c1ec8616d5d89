package org.dyad.domain.restriction;

import org.axonframework.test.aggregate.AggregateTestFixture;
import org.axonframework.test.aggregate.FixtureConfiguration;
import org.dyad.domain.restriction.CoercionCommand.*;
import org.dyad.domain.restriction.CoercionEvent.*;
import org.dyad.domain.shared.DomainRuleViolation;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.time.Instant;

import static org.hamcrest.Matchers.containsString;

class CoercionTest {

    static final Instant AT = Instant.parse("2026-03-11T14:00:00Z");
    private FixtureConfiguration<Coercion> fixture;

    @BeforeEach
    void setUp() {
        fixture = new AggregateTestFixture<>(Coercion.class);
    }

    @Test
    void thePersonServedCanRecordCoercionInTheirOwnWords() {
        fixture.givenNoPriorActivity()
               .when(new RecordCoercion("c-1", "case-7", CoercionKind.LEVERAGE_HOUSING,
                       "told my bed at the shelter depends on taking the shot", "person-rae", true, AT, AT.plusSeconds(60)))
               .expectEvents(new CoercionRecorded("c-1", "case-7", CoercionKind.LEVERAGE_HOUSING,
                       "told my bed at the shelter depends on taking the shot", "person-rae", true, AT, AT.plusSeconds(60)));
    }

    @Test
    void coercionNeedsItsKindAndWhatHappened() {
        fixture.givenNoPriorActivity()
               .when(new RecordCoercion("c-1", "case-7", null, "x", "peer-sam", false, AT, AT))
               .expectException(DomainRuleViolation.class)
               .expectExceptionMessage(containsString("what kind"));
        fixture.givenNoPriorActivity()
               .when(new RecordCoercion("c-1", "case-7", CoercionKind.FORCED_MEDICATION, " ", "peer-sam", false, AT, AT))
               .expectException(DomainRuleViolation.class)
               .expectExceptionMessage(containsString("what happened"));
    }

    @Test
    void coercionInTheFutureIsRejected() {
        fixture.givenNoPriorActivity()
               .when(new RecordCoercion("c-1", "case-7", CoercionKind.INVOLUNTARY_HOLD, "x", "dr-lee", false,
                       AT.plusSeconds(60), AT))
               .expectException(DomainRuleViolation.class)
               .expectExceptionMessage(containsString("cannot be later"));
    }

    @Test
    void thePersonCanAddTheirAccountToWhatStaffRecorded() {
        fixture.given(new CoercionRecorded("c-1", "case-7", CoercionKind.THREAT_OF_INVOLUNTARY_MEASURES,
                       "told a hold was possible", "nurse-ana", false, AT, AT))
               .when(new AddPersonsAccountOfCoercion("c-1", "it felt like a threat, not information", AT.plusSeconds(600)))
               .expectEvents(new PersonsAccountOfCoercionAdded("c-1", "it felt like a threat, not information", AT.plusSeconds(600)));
    }
}
