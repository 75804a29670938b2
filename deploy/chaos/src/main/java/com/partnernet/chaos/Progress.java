package com.partnernet.chaos;

import java.sql.SQLException;
import java.time.Duration;
import java.time.Instant;

/** How far a load has come, counted in a service's database (stored leads, counted sales). */
@FunctionalInterface
interface Progress {

    long count() throws SQLException;

    /** Waits until the count reaches {@code threshold}; false when it does not within {@code giveUp}. */
    default boolean await(long threshold, Duration giveUp) throws SQLException, InterruptedException {
        Instant deadline = Instant.now().plus(giveUp);
        while (count() < threshold) {
            if (Instant.now().isAfter(deadline)) {
                return false;
            }
            Thread.sleep(20);
        }
        return true;
    }
}
