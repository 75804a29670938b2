package com.partnernet.targets.attainment;

import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

/**
 * Units sold per shop and calendar week (Monday to Sunday, German time), every week of the range listed, weeks
 * without a sale as 0. Another service's documented read: leads-service's pilot evaluation compares shops on it.
 *
 * @param from the Monday of the first week
 * @param to the Sunday of the last week
 */
public record WeeklySales(LocalDate from, LocalDate to, List<Shop> shops) {

    public record Shop(UUID shopId, List<Week> weeks) {
    }

    /**
     * @param units all units sold in the week: won leads and recorded sales
     * @param fromLeads of them, won leads (one unit each)
     */
    public record Week(LocalDate weekStart, long units, long fromLeads) {
    }
}
