package com.partnernet.leads.evaluation;

import java.time.Duration;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

/** When a pilot's result is trusted ({@code LEADS_EVALUATION_*} in the environment). */
@ConfigMapping(prefix = "leads.evaluation")
public interface EvaluationConfig {

    /** Weeks before the pilot's start compared with the weeks of the pilot. */
    @WithDefault("12")
    int weeksBefore();

    /** Fewer complete weeks than this before or during the pilot: no verdict. */
    @WithDefault("4")
    int minWeeks();

    /** Fewer pilot or control shops with sales in both periods than this: no verdict. */
    @WithDefault("4")
    int minShopsPerGroup();

    /** Confidence level of the intervals. */
    @WithDefault("0.95")
    double confidence();

    /** The groups' levels before the pilot differing by more than this (percent) is warned about. */
    @WithDefault("25")
    double levelTolerancePercent();

    /** A lead still open is counted in conversion once assigned this long ago. */
    @WithDefault("P28D")
    Duration maturedAfter();

    /** Fewer matured leads than this in a group: its conversion is shown but said to be too few to compare. */
    @WithDefault("20")
    int minMaturedLeads();

    /** A shop that declined at least this share (in percent) of the leads it was given is named in a warning… */
    @WithDefault("50")
    double declineWarningPercent();

    /** …once it was given at least this many. */
    @WithDefault("5")
    int declineWarningMinLeads();
}
