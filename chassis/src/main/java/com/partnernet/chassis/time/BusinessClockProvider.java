package com.partnernet.chassis.time;

import java.time.Clock;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.validation.ClockProvider;

/**
 * Makes {@code @PastOrPresent} and its kin judge a date by the business's calendar rather than the host's zone;
 * Quarkus hands this bean to the validator factory.
 */
@ApplicationScoped
public class BusinessClockProvider implements ClockProvider {

    private final Clock clock = Clock.system(Timestamps.BUSINESS_ZONE);

    @Override
    public Clock getClock() {
        return clock;
    }
}
