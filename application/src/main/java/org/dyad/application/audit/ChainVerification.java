package org.dyad.application.audit;

import java.util.List;

/**
 * The result of walking a case's hash chains: every aggregate's events in order. {@code firstBroken} names the
 * first event that does not match (altered, removed or reordered), or is null when the whole record verifies.
 */
public record ChainVerification(String caseId, boolean verified, int eventsChecked, List<String> aggregatesChecked,
                                BrokenLink firstBroken) {

    public record BrokenLink(String aggregateId, long sequenceNumber, String eventType, String problem) {
    }
}
