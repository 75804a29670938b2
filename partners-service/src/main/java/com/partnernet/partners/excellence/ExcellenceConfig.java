package com.partnernet.partners.excellence;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

/** The excellence programme's settings ({@code PARTNERS_EXCELLENCE_DEFAULT_QUOTA_DAYS} in the environment). */
@ConfigMapping(prefix = "partners.excellence")
public interface ExcellenceConfig {

    /** Customer days each executive is expected to spend per year, unless a year has its own quota. */
    @WithDefault("5")
    int defaultQuotaDays();
}
