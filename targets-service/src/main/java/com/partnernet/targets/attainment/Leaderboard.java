package com.partnernet.targets.attainment;

import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

import org.jetbrains.annotations.Nullable;

import com.partnernet.targets.annualtarget.ProductLine;

/** Partners (or shops) ranked by attainment of their annual effective target, and the network in total. */
public record Leaderboard(int year, @Nullable ProductLine productLine, LocalDate asOf, String scope, List<Entry> entries,
        Pace network) {

    public record Entry(int rank, UUID partnerId, @Nullable UUID shopId, Pace pace) {
    }
}
