package org.dyad.application.access;

import org.dyad.domain.shared.Sensitivity;

/** One viewer's answer, from the access policy, to "may I read this piece of a case?" */
@FunctionalInterface
public interface ContentReader {

    boolean mayRead(Sensitivity category, String authorId);
}
