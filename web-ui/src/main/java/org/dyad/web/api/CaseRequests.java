package org.dyad.web.api;

import io.swagger.v3.oas.annotations.media.Schema;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.PastOrPresent;
import jakarta.validation.constraints.Size;
import org.dyad.domain.cases.AdvanceDirective;
import org.dyad.domain.cases.CareTeamRole;
import org.dyad.domain.cases.Contact;
import org.dyad.domain.cases.Setting;
import org.dyad.domain.cases.WrapSummary;

import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.List;

/** Request bodies of the case API. Field names are part of the public surface (see API.md). */
final class CaseRequests {

    private CaseRequests() {
    }

    record OpenCase(
            @Schema(description = "The name the person wants to be called", example = "Alex")
            @NotBlank @Size(max = 200) String preferredName,
            @Schema(example = "they/them") @Size(max = 60) String pronouns,
            @Schema(example = "1990-04-12") @NotNull @PastOrPresent LocalDate dateOfBirth,
            @NotNull Setting setting,
            @Schema(example = "north") @NotBlank @Size(max = 60) String unit,
            @Schema(description = "Login of the person served, if they have one") @Size(max = 100) String personServedUserId,
            @Schema(description = "Restricted from the start: only its own care team and the person see it (e.g. the person is also staff)")
            Boolean restricted) {
    }

    record JoinCareTeam(@NotBlank @Size(max = 100) String userId,
                        @Schema(description = "Defaults to the staff member's own role") CareTeamRole role) {
    }

    record FormDyad(@NotBlank @Size(max = 100) String peerId, @NotBlank @Size(max = 100) String psychiatristId) {
    }

    record Reason(@Size(max = 2000) String reason) {
    }

    record Goals(@Schema(description = "What matters most to the person, in their own words")
                 @Size(max = 4000) String whatMattersMost,
                 @Size(max = 50) List<@NotBlank @Size(max = 1000) String> goals,
                 @Schema(description = "What the person does themselves that helps")
                 @Size(max = 50) List<@NotBlank @Size(max = 1000) String> personalMedicine) {
    }

    record ContactBody(@NotBlank @Size(max = 200) String name, @Size(max = 100) String relationship,
                       @Size(max = 60) String phone) {
        Contact toContact() {
            return new Contact(name, relationship, phone);
        }

        static Contact orNull(ContactBody body) {
            return body == null ? null : body.toContact();
        }
    }

    record AdvanceDirectiveBody(@Size(max = 50) List<@NotBlank @Size(max = 1000) String> preferredTreatments,
                                @Size(max = 50) List<@NotBlank @Size(max = 1000) String> refusedTreatments,
                                @Size(max = 4000) String whatHelpsInCrisis,
                                @Size(max = 20) List<@Valid ContactBody> whoToCall,
                                @Size(max = 4000) String viewsOnRestraintAndSeclusion,
                                @Valid ContactBody proxy,
                                @PastOrPresent LocalDate signedOn) {
        AdvanceDirective toDirective() {
            return new AdvanceDirective(preferredTreatments, refusedTreatments, whatHelpsInCrisis,
                    whoToCall == null ? null : whoToCall.stream().map(ContactBody::toContact).toList(),
                    viewsOnRestraintAndSeclusion, ContactBody.orNull(proxy), signedOn);
        }
    }

    record WrapBody(@Size(max = 50) List<@NotBlank @Size(max = 1000) String> wellnessTools,
                    @Size(max = 50) List<@NotBlank @Size(max = 1000) String> triggers,
                    @Size(max = 50) List<@NotBlank @Size(max = 1000) String> earlyWarningSigns,
                    @Size(max = 4000) String whatHelpsInCrisis,
                    @Size(max = 20) List<@Valid ContactBody> supporters) {
        WrapSummary toWrap() {
            return new WrapSummary(wellnessTools, triggers, earlyWarningSigns, whatHelpsInCrisis,
                    supporters == null ? null : supporters.stream().map(ContactBody::toContact).toList());
        }
    }

    record Stay(@Schema(description = "When it happened (clinical time); defaults to now. Never in the future.")
                OffsetDateTime occurredAt) {
    }
}
