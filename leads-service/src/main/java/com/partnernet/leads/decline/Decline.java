package com.partnernet.leads.decline;

import jakarta.validation.constraints.AssertTrue;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;

import org.jetbrains.annotations.Nullable;

import com.fasterxml.jackson.annotation.JsonIgnore;

import com.partnernet.chassis.web.ReportedOn;
import com.partnernet.leads.vocabulary.DeclineReason;

/** A shop's "not for us" about a lead it was given; OTHER says why in its note. */
public record Decline(@NotNull DeclineReason reason, @Size(max = 500) @Nullable String note) {

    @JsonIgnore
    @AssertTrue(message = "a decline for OTHER reasons says why in its note")
    @ReportedOn("note")
    public boolean isNoteGivenForOther() {
        return reason != DeclineReason.OTHER || (note != null && !note.isBlank());
    }
}
