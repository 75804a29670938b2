package com.partnernet.leads.routing;

import java.util.UUID;

import org.jetbrains.annotations.Nullable;

/**
 * One line of a routing decision's trail: what a step looked at and what it made of it.
 *
 * @param target the shop or team considered, if any
 * @param verdict CHOSEN, SKIPPED or NOTE (a step's remark, e.g. where the lead's location came from)
 */
public record TrailEntry(RoutingStep step, @Nullable UUID target, @Nullable String targetName, String verdict, String reason) {

    static final String CHOSEN = "CHOSEN";
    static final String SKIPPED = "SKIPPED";
    static final String NOTE = "NOTE";
}
