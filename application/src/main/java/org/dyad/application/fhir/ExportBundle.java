package org.dyad.application.fhir;

import org.dyad.application.cases.CaseView;
import org.dyad.application.users.AccountRole;
import org.dyad.application.users.UserAccount;
import org.dyad.application.users.UserDirectory;
import org.hl7.fhir.r4.model.Bundle;
import org.hl7.fhir.r4.model.Practitioner;
import org.hl7.fhir.r4.model.Reference;
import org.hl7.fhir.r4.model.Resource;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

import static org.dyad.application.fhir.FhirCodes.LOGIN;
import static org.dyad.application.fhir.FhirCodes.date;

/**
 * One case's bundle as it is built for one viewer: each resource under a stable urn:uuid, the people it refers to,
 * and which resources each aggregate's events became (for their provenance).
 */
final class ExportBundle {

    private final Bundle bundle = new Bundle();
    private final CaseView c;
    private final UserDirectory users;
    private final Map<String, Reference> people = new HashMap<>();
    private final Map<String, List<Reference>> fromAggregate = new LinkedHashMap<>();

    ExportBundle(CaseView c, UserDirectory users, Instant now) {
        this.c = c;
        this.users = users;
        bundle.setType(Bundle.BundleType.COLLECTION).setTimestamp(date(now));
    }

    CaseView caseView() {
        return c;
    }

    /** Adds the resource; {@code aggregateId} names the events it was built from, or is null. */
    Reference add(String aggregateId, String id, Resource resource) {
        Reference reference = reference(resource.fhirType(), id);
        bundle.addEntry().setFullUrl(reference.getReference()).setResource(resource);
        if (aggregateId != null) {
            fromAggregate.computeIfAbsent(aggregateId, a -> new ArrayList<>()).add(reference.copy());
        }
        return reference;
    }

    Reference patient() {
        return reference("Patient", c.getCaseId()).setDisplay(c.getPreferredName());
    }

    /** The person served, a colleague (as a Practitioner, added once), or a name only for anyone else. */
    Reference who(String userId, String name) {
        if (userId == null) {
            return new Reference().setDisplay(name);
        }
        if (c.isPersonServed(userId)) {
            return patient();
        }
        Reference known = people.get(userId);
        if (known != null) {
            return known.copy();
        }
        Optional<UserAccount> account = users.find(userId).filter(a -> a.role() != AccountRole.PERSON_SERVED);
        if (account.isEmpty()) {
            return new Reference().setDisplay(name != null ? name : userId);
        }
        Practitioner practitioner = new Practitioner().setActive(account.get().enabled());
        practitioner.addIdentifier().setSystem(LOGIN).setValue(userId);
        practitioner.addName().setText(account.get().displayName());
        Reference reference = add(null, userId, practitioner).setDisplay(account.get().displayName());
        people.put(userId, reference);
        return reference.copy();
    }

    Map<String, List<Reference>> resourcesByAggregate() {
        return fromAggregate;
    }

    /** The bundle's own label is the most restrictive of its resources' (the high-water mark). */
    Bundle build() {
        boolean restricted = bundle.getEntry().stream().anyMatch(e -> SecurityLabels.isRestricted(e.getResource()));
        bundle.getMeta().addSecurity(restricted ? SecurityLabels.RESTRICTED.copy() : SecurityLabels.NORMAL.copy());
        return bundle;
    }

    private static Reference reference(String type, String id) {
        UUID name = UUID.nameUUIDFromBytes((type + "/" + id).getBytes(StandardCharsets.UTF_8));
        return new Reference("urn:uuid:" + name);
    }
}
