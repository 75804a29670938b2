package com.partnernet.partners.remodel;

import java.time.LocalDate;
import java.util.UUID;

public record RemodelView(
        UUID id,
        UUID shopId,
        UUID partnerId,
        LocalDate plannedStart,
        LocalDate plannedEnd,
        LocalDate actualStart,
        LocalDate actualEnd,
        boolean closesShop,
        RemodelStatus status,
        String cancelReason,
        long version) {

    static RemodelView of(Remodel remodel) {
        return new RemodelView(remodel.id, remodel.shopId, remodel.partnerId, remodel.plannedStart, remodel.plannedEnd,
                remodel.actualStart, remodel.actualEnd, remodel.closesShop, remodel.status, remodel.cancelReason,
                remodel.version);
    }
}
