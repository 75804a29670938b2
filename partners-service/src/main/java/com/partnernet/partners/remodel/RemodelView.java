package com.partnernet.partners.remodel;

import java.time.LocalDate;
import java.util.UUID;

import org.jetbrains.annotations.Nullable;

import com.partnernet.chassis.time.Timestamps;

/** A remodel; {@code overdue} when it is behind its plan today (its start or its end has passed). */
public record RemodelView(
        UUID id,
        UUID shopId,
        UUID partnerId,
        LocalDate plannedStart,
        LocalDate plannedEnd,
        @Nullable LocalDate actualStart,
        @Nullable LocalDate actualEnd,
        boolean closesShop,
        RemodelStatus status,
        @Nullable String cancelReason,
        boolean overdue,
        long version) {

    static RemodelView of(Remodel remodel) {
        return new RemodelView(remodel.id, remodel.shopId, remodel.partnerId, remodel.plannedStart, remodel.plannedEnd,
                remodel.actualStart(), remodel.actualEnd(), remodel.closesShop, remodel.status(), remodel.cancelReason(),
                remodel.isOverdue(Timestamps.today()), remodel.version);
    }
}
