package com.partnernet.partners.fieldsales;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.UUID;

import org.jetbrains.annotations.Nullable;

import com.partnernet.partners.shop.OpeningHours;
import com.partnernet.partners.shop.ProductLine;

/**
 * A field team's full current state: what the API answers and what every field-team event carries, so leads-service
 * can route to it from the latest event alone. A team takes leads while ACTIVE and from {@code liveFrom} on.
 */
public record FieldTeamSnapshot(
        UUID id,
        UUID partnerId,
        String name,
        String city,
        LocalDate liveFrom,
        Set<String> postalCoverage,
        Set<ProductLine> productFocus,
        @Nullable String campaign,
        int weeklyLeadCapacity,
        List<OpeningHours> workingHours,
        @Nullable String email,
        FieldTeamStatus status,
        long version,
        Instant updatedAt) {

    static FieldTeamSnapshot of(FieldTeam team) {
        return new FieldTeamSnapshot(team.id, team.partnerId, team.name, team.city, team.liveFrom,
                new TreeSet<>(team.postalCoverage), new TreeSet<>(team.productFocus), team.campaign,
                team.weeklyLeadCapacity, List.copyOf(team.workingHours), team.email, team.status(), team.version, team.updatedAt);
    }
}
