package com.partnernet.chassis.geo;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;

class DistanceTest {

    @Test
    void cologneCathedralToBonnMinsterIsAboutTwentyFiveKilometresEitherWay() {
        double there = Distance.km(50.9413, 6.9583, 50.7339, 7.1000);
        assertEquals(25.2, there, 0.5);
        assertEquals(there, Distance.km(50.7339, 7.1000, 50.9413, 6.9583), 1e-9);
        assertEquals(0, Distance.km(50.9413, 6.9583, 50.9413, 6.9583), 1e-9);
    }
}
