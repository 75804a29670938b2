package com.partnernet.leads.evaluation;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

/** When a pilot's result is trusted ({@code LEADS_EVALUATION_*} in the environment). */
@ConfigMapping(prefix = "leads.evaluation")
public interface EvaluationConfig {

    /** Fewer assigned leads than this in either group: too early to decide. */
    @WithDefault("20")
    int minLeadsPerGroup();

    /** Confidence level of the uplift's interval. */
    @WithDefault("0.95")
    double confidence();

    /** A shop that declined at least this share (in percent) of the leads it was given is named in a warning… */
    @WithDefault("50")
    double declineWarningPercent();

    /** …once it was given at least this many. */
    @WithDefault("5")
    int declineWarningMinLeads();
}
