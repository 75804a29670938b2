package com.partnernet.leads.lead;

import java.time.Duration;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

/** The rules of lead intake and pipelines ({@code LEADS_*} in the environment). */
@ConfigMapping(prefix = "leads")
public interface LeadConfig {

    /** A lead of the same person (e-mail or phone) about the same product line within this window is a duplicate. */
    @WithDefault("P30D")
    Duration duplicateWindow();

    /** How long a consent holds when the marketing system sends no expiry. */
    @WithDefault("P730D")
    Duration consentValidity();

    Sla sla();

    interface Sla {

        /**
         * First contact is due this much business time after assignment: opening hours of the shop (working hours of
         * the field team), without Sundays and public holidays unless it opens on them.
         */
        @WithDefault("PT8H")
        Duration firstContact();

        /** The shop is reminded by e-mail when this much business time is left until the first contact is due. */
        @WithDefault("PT2H")
        Duration reminderBefore();

        /** Reassignments after missed first contacts before a lead goes to the ops queue. */
        @WithDefault("2")
        int maxReassignments();

        /** How often the check for overdue first contacts runs (a Quarkus scheduler interval, e.g. 1m). */
        @WithDefault("1m")
        String checkInterval();
    }

    Metrics metrics();

    interface Metrics {

        /** How often the pipeline gauges are counted (a Quarkus scheduler interval, read by {@link LeadMetrics}). */
        @WithDefault("15s")
        String pipelineInterval();
    }
}
