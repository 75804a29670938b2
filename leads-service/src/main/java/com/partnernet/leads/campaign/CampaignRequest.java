package com.partnernet.leads.campaign;

import java.time.LocalDate;
import java.util.Set;
import java.util.UUID;

import jakarta.validation.constraints.AssertTrue;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotEmpty;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;

import org.jetbrains.annotations.Nullable;

import com.fasterxml.jackson.annotation.JsonIgnore;
import com.partnernet.chassis.web.ReportedOn;
import com.partnernet.leads.vocabulary.ProductLine;
import com.partnernet.leads.vocabulary.Segment;

/** What a client sends to create or change a campaign; status defaults to PILOT. */
public record CampaignRequest(
        @NotBlank @Size(max = 100) @Pattern(regexp = "[a-z0-9][a-z0-9._-]*", message = "must be lower-case letters, digits, '.', '_' or '-'") String code,
        @NotBlank @Size(max = 200) String name,
        @NotNull Channel channel,
        @Size(max = 100) @Nullable String targetingModel,
        @Size(max = 50) @Nullable String targetingVersion,
        @NotEmpty Set<@NotNull ProductLine> productFocus,
        @NotNull Segment segment,
        @NotNull LocalDate startsOn,
        @Nullable LocalDate endsOn,
        @Nullable CampaignStatus status,
        @Nullable UUID namedShopId,
        @Size(max = 1000) @Nullable Set<@NotNull UUID> pilotShops,
        @Size(max = 1000) @Nullable Set<@NotNull UUID> controlShops) {

    @JsonIgnore
    @AssertTrue(message = "endsOn must not be before startsOn")
    @ReportedOn("endsOn")
    public boolean isPeriodValid() {
        return startsOn == null || endsOn == null || !endsOn.isBefore(startsOn);
    }

    @JsonIgnore
    @AssertTrue(message = "a shop is either a pilot or a control shop, not both")
    @ReportedOn("controlShops")
    public boolean isGroupsDisjoint() {
        return pilotShops == null || controlShops == null || pilotShops.stream().noneMatch(controlShops::contains);
    }
}
