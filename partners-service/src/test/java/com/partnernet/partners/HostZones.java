package com.partnernet.partners;

import java.util.List;
import java.util.TimeZone;

/**
 * Runs a check with the JVM's default zone on another date than Berlin's. Pods often run in UTC, where just after
 * midnight in Berlin it is still yesterday; the application under {@code @QuarkusTest} shares this JVM, so moving the
 * default zone makes that hour happen at any time of day.
 */
final class HostZones {

    /**
     * At any instant one of them is on another date than Berlin: UTC+14 from Berlin's late morning on (a day ahead),
     * UTC-11 until Berlin's noon (a day behind).
     */
    private static final List<String> ZONES_A_DATE_AWAY_FROM_BERLIN = List.of("Pacific/Kiritimati", "Pacific/Pago_Pago");

    private HostZones() {
    }

    static void inEachZoneADateAwayFromBerlin(Runnable check) {
        TimeZone hostZone = TimeZone.getDefault();
        try {
            for (String zone : ZONES_A_DATE_AWAY_FROM_BERLIN) {
                TimeZone.setDefault(TimeZone.getTimeZone(zone));
                check.run();
            }
        } finally {
            TimeZone.setDefault(hostZone);
        }
    }
}
