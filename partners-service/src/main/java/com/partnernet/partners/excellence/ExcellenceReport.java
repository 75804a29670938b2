package com.partnernet.partners.excellence;

import java.util.List;
import java.util.UUID;

import org.jetbrains.annotations.Nullable;

import com.partnernet.chassis.security.PersonalData;

/** Who has met the year's customer-day quota and who has not, with the days still to go. */
public record ExcellenceReport(int year, int quotaDays, long met, long notMet, List<ExecutiveStanding> executives) {

    public record ExecutiveStanding(UUID executiveId, @PersonalData @Nullable String name, @Nullable String title, long days, long remaining,
            boolean quotaMet) {
    }
}
