package com.partnernet.partners.partner;

import java.time.LocalDate;

import jakarta.validation.Valid;
import jakarta.validation.constraints.AssertTrue;
import jakarta.validation.constraints.Email;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;

import org.jetbrains.annotations.Nullable;

import com.fasterxml.jackson.annotation.JsonIgnore;

import com.partnernet.chassis.web.ReportedOn;

/** What a client sends to register or update a partner; status defaults to ACTIVE. */
public record PartnerRequest(
        @NotBlank @Size(max = 200) String name,
        @NotNull PartnerType type,
        @Nullable PartnerStatus status,
        @Valid @Nullable Contact contact,
        @Nullable PartnerTier tier,
        @Valid @Nullable AdvisoryBoardMembership advisoryBoard) {

    public record Contact(
            @Size(max = 200) @Nullable String name,
            @Email @Size(max = 254) @Nullable String email,
            @Pattern(regexp = "\\+?[0-9 ()/-]{6,20}", message = "must be a phone number") @Nullable String phone) {
    }

    /** Membership of the dealer advisory board: since when, until when (open if not known), in which role. */
    public record AdvisoryBoardMembership(@NotNull BoardRole role, @NotNull LocalDate memberSince, @Nullable LocalDate memberUntil) {

        @JsonIgnore
        @AssertTrue(message = "memberUntil must not be before memberSince")
        @ReportedOn("memberUntil")
        public boolean isPeriodValid() {
            return memberSince == null || memberUntil == null || !memberUntil.isBefore(memberSince);
        }
    }
}
