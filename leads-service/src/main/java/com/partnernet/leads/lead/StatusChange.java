package com.partnernet.leads.lead;

import jakarta.validation.constraints.AssertTrue;
import jakarta.validation.constraints.NotNull;

import org.jetbrains.annotations.Nullable;

import com.fasterxml.jackson.annotation.JsonIgnore;

import com.partnernet.chassis.web.ReportedOn;
import com.partnernet.leads.vocabulary.LeadStatus;
import com.partnernet.leads.vocabulary.LostReason;

/** A shop's move of a lead in its pipeline; a lost lead says why. */
public record StatusChange(@NotNull LeadStatus status, @Nullable LostReason lostReason) {

    @JsonIgnore
    @AssertTrue(message = "a LOST lead needs a lostReason, and only a LOST lead has one")
    @ReportedOn("lostReason")
    public boolean isLostReasonFitting() {
        return status == null || (status == LeadStatus.LOST) == (lostReason != null);
    }
}
