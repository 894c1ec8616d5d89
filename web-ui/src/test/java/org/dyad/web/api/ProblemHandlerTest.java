package org.dyad.web.api;

import org.axonframework.modelling.command.AggregateStreamCreationException;
import org.axonframework.modelling.command.ConcurrencyException;
import org.dyad.domain.shared.DomainRuleViolation;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.setup.MockMvcBuilders;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RestController;

import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/** Two writers on one aggregate (e.g. two nodes) collide in the event store; the loser gets a 409, never a 500. */
class ProblemHandlerTest {

    @RestController
    static class Colliding {
        @GetMapping("/collide/{how}")
        void collide(@PathVariable String how) {
            switch (how) {
                case "append" -> throw new ConcurrencyException("sequence 3 already taken");
                case "create" -> throw new AggregateStreamCreationException("aggregate already exists");
                default -> throw new DomainRuleViolation("This case already has an active dyad.");
            }
        }
    }

    private final MockMvc mvc = MockMvcBuilders.standaloneSetup(new Colliding())
            .setControllerAdvice(new ProblemHandler()).build();

    @ParameterizedTest
    @ValueSource(strings = {"append", "create"})
    void aConcurrentChangeIsAConflictAskingToReload(String how) throws Exception {
        mvc.perform(get("/collide/" + how))
                .andExpect(status().isConflict())
                .andExpect(content().contentTypeCompatibleWith("application/problem+json"))
                .andExpect(jsonPath("$.detail").value("Someone else changed this record at the same moment; reload it and try again."));
    }

    @Test
    void aBrokenRuleIsAConflictSayingTheRule() throws Exception {
        mvc.perform(get("/collide/rule"))
                .andExpect(status().isConflict())
                .andExpect(jsonPath("$.detail").value("This case already has an active dyad."));
    }
}
