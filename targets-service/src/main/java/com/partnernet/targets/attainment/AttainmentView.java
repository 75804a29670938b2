package com.partnernet.targets.attainment;

import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

import org.jetbrains.annotations.Nullable;

/** Attainment of a partner (or one shop) over a period as of a day: per product line with a target, and in total. */
public record AttainmentView(UUID partnerId, @Nullable UUID shopId, LocalDate from, LocalDate to, LocalDate asOf,
        List<Pace> productLines, Pace total) {
}
