package org.dyad.infra.axon;

import org.axonframework.commandhandling.GenericCommandMessage;
import org.axonframework.modelling.command.AnnotationCommandTargetResolver;
import org.axonframework.modelling.command.CommandTargetResolver;
import org.axonframework.modelling.command.TargetAggregateIdentifier;
import org.axonframework.modelling.command.TargetAggregateVersion;
import org.axonframework.modelling.command.VersionedAggregateIdentifier;
import org.dyad.domain.cases.CaseCommand;
import org.junit.jupiter.api.Test;

import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class CachingCommandTargetResolverTest {

    private final CommandTargetResolver caching = new CachingCommandTargetResolver();
    private final CommandTargetResolver axons = AnnotationCommandTargetResolver.builder().build();

    record Versioned(@TargetAggregateIdentifier String id, @TargetAggregateVersion Long version) {
    }

    record TextVersion(@TargetAggregateIdentifier String id, @TargetAggregateVersion String version) {
    }

    static class ByMethod {
        @TargetAggregateIdentifier
        public String target() {
            return "by-method";
        }
    }

    static class ByInheritedField {
        @TargetAggregateIdentifier
        private final String id = "inherited";
    }

    static class Subclass extends ByInheritedField {
    }

    record Unmarked(String id) {
    }

    record NullTarget(@TargetAggregateIdentifier String id) {
    }

    @Test
    void resolvesEveryShapeOfCommandAsAxonsOwnResolverDoes() {
        List<Object> commands = List.of(
                new CaseCommand.RecordGoals("case-1", "work", List.of("a job"), List.of("walks")),
                new CaseCommand.JoinCareTeam("case-2", "u1", null),
                new Versioned("v-1", 7L), new Versioned("v-2", null), new TextVersion("t-1", "12"),
                new ByMethod(), new Subclass());
        for (Object command : commands) {
            VersionedAggregateIdentifier expected = axons.resolveTarget(GenericCommandMessage.asCommandMessage(command));
            VersionedAggregateIdentifier actual = caching.resolveTarget(GenericCommandMessage.asCommandMessage(command));
            assertThat(actual.getIdentifierValue()).as(command.toString()).isEqualTo(expected.getIdentifierValue());
            assertThat(actual.getVersion()).as(command.toString()).isEqualTo(expected.getVersion());
        }
        assertThat(caching.resolveTarget(GenericCommandMessage.asCommandMessage(new Versioned("v-1", 7L))).getVersion())
                .isEqualTo(7L);
        assertThat(caching.resolveTarget(GenericCommandMessage.asCommandMessage(new ByMethod())).getIdentifier())
                .isEqualTo("by-method");
    }

    @Test
    void aCommandWithoutATargetIsRefusedAsAxonRefusesIt() {
        for (Object command : List.of(new Unmarked("x"), new NullTarget(null))) {
            assertThatThrownBy(() -> axons.resolveTarget(GenericCommandMessage.asCommandMessage(command)))
                    .isInstanceOf(IllegalArgumentException.class);
            assertThatThrownBy(() -> caching.resolveTarget(GenericCommandMessage.asCommandMessage(command)))
                    .isInstanceOf(IllegalArgumentException.class)
                    .hasMessageContaining(command.getClass().getSimpleName())
                    .hasMessageContaining("@TargetAggregateIdentifier");
        }
        assertThatThrownBy(() -> caching.resolveTarget(
                GenericCommandMessage.asCommandMessage(new TextVersion("t", "twelve"))))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("not a number");
    }
}
