package com.partnernet.partners.excellence;

import java.time.LocalDate;
import java.util.UUID;

import org.jetbrains.annotations.Nullable;

import com.partnernet.chassis.security.PersonalData;

public record CustomerDayView(UUID id, UUID executiveId, LocalDate date, @Nullable UUID shopId, @Nullable UUID fieldTeamId,
        @PersonalData @Nullable String notes) {

    static CustomerDayView of(CustomerDay day) {
        return new CustomerDayView(day.id, day.executiveId, day.day, day.shopId, day.fieldTeamId, day.notes);
    }
}
