package org.dyad.domain.decision;

/** One option on the table, described so the person can weigh it. */
public record Option(String optionId, OptionKind kind, String whatItIs, String benefits, String harms,
                     String whatItAsksOfMe, String proposedBy, String proposerRole) {
}
