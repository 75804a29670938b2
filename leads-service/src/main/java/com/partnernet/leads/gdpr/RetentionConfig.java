package com.partnernet.leads.gdpr;

import java.time.Duration;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

/** How long personal data of closed leads is kept ({@code LEADS_RETENTION_*} in the environment). */
@ConfigMapping(prefix = "leads.retention")
public interface RetentionConfig {

    /** Personal data of a lead won, lost, duplicate or unrouted this long ago is erased. */
    @WithDefault("P365D")
    Duration closedLeads();

    /** How often the purge runs (a Quarkus scheduler interval). */
    @WithDefault("6h")
    String purgeInterval();
}
