package com.partnernet.leads.businesstime;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

/**
 * The weeks business time is counted on when a shop has no opening hours or a field team no working hours
 * ({@code LEADS_BUSINESS_HOURS_*} in the environment), written as {@link BusinessWeek#parse} reads them.
 */
@ConfigMapping(prefix = "leads.business-hours")
public interface BusinessHoursConfig {

    /** German retail's usual week. */
    @WithDefault("MONDAY-FRIDAY 10:00-19:00; SATURDAY 10:00-16:00")
    String defaultShopWeek();

    /** Door-to-door sales visit in the afternoon and early evening, when people are at home. */
    @WithDefault("MONDAY-FRIDAY 12:00-20:00; SATURDAY 10:00-16:00")
    String defaultTeamWeek();
}
