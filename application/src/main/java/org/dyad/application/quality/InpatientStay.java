package org.dyad.application.quality;

import java.time.Instant;
import java.util.List;

/** {@code dischargedAt} null while the person is still admitted. */
public record InpatientStay(Instant admittedAt, Instant dischargedAt, List<Leave> leaves) {
    public InpatientStay {
        leaves = leaves == null ? List.of() : List.copyOf(leaves);
    }
}
