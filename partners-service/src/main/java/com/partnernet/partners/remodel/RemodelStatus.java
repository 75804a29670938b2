package com.partnernet.partners.remodel;

import java.util.EnumSet;
import java.util.Set;

/** PLANNED → IN_PROGRESS → COMPLETED; PLANNED or IN_PROGRESS → CANCELLED. */
public enum RemodelStatus {
    PLANNED,
    IN_PROGRESS,
    COMPLETED,
    CANCELLED;

    public static final Set<RemodelStatus> OPEN = EnumSet.of(PLANNED, IN_PROGRESS);
}
