package com.partnernet.leads.evaluation;

import org.apache.commons.math3.distribution.NormalDistribution;

/** The pilot's statistics without the database: the conversion uplift of pilot over control, and the recommendation. */
final class PilotStatistics {

    private static final NormalDistribution STANDARD_NORMAL = new NormalDistribution(0, 1);

    private PilotStatistics() {
    }

    /**
     * ROLL_OUT when both groups have at least {@code minLeadsPerGroup} assigned leads and the uplift's interval lies
     * above 0; STOP when it lies below 0; otherwise CONTINUE_PILOT.
     */
    static PilotEvaluation.Recommendation recommend(PilotEvaluation.Group pilot, PilotEvaluation.Group control,
            PilotEvaluation.Uplift uplift, int minLeadsPerGroup) {
        if (uplift == null || pilot.assigned() < minLeadsPerGroup || control.assigned() < minLeadsPerGroup) {
            return PilotEvaluation.Recommendation.CONTINUE_PILOT;
        }
        if (uplift.lowerPercentagePoints() > 0) {
            return PilotEvaluation.Recommendation.ROLL_OUT;
        }
        return uplift.upperPercentagePoints() < 0 ? PilotEvaluation.Recommendation.STOP
                : PilotEvaluation.Recommendation.CONTINUE_PILOT;
    }

    /** Pilot minus control conversion with its interval (unpooled standard error) and z-test (pooled). */
    static PilotEvaluation.Uplift uplift(PilotEvaluation.Group pilot, PilotEvaluation.Group control, double confidence) {
        if (pilot.assigned() == 0 || control.assigned() == 0) {
            return null;
        }
        double p1 = (double) pilot.won() / pilot.assigned();
        double p2 = (double) control.won() / control.assigned();
        double n1 = pilot.assigned();
        double n2 = control.assigned();
        double difference = p1 - p2;
        double standardError = Math.sqrt(p1 * (1 - p1) / n1 + p2 * (1 - p2) / n2);
        double critical = STANDARD_NORMAL.inverseCumulativeProbability(1 - (1 - confidence) / 2);
        double pooled = (pilot.won() + control.won()) / (n1 + n2);
        double pooledError = Math.sqrt(pooled * (1 - pooled) * (1 / n1 + 1 / n2));
        double z = pooledError == 0 ? 0 : difference / pooledError;
        double pValue = pooledError == 0 ? 1 : 2 * (1 - STANDARD_NORMAL.cumulativeProbability(Math.abs(z)));
        return new PilotEvaluation.Uplift(round(difference * 100, 2), p2 == 0 ? null : round((p1 / p2 - 1) * 100, 1),
                confidence, round((difference - critical * standardError) * 100, 2),
                round((difference + critical * standardError) * 100, 2), round(z, 3), round(pValue, 4));
    }

    /** {@code value} rounded half up to {@code decimals} places, as the evaluation reports its figures. */
    static double round(double value, int decimals) {
        double scale = Math.pow(10, decimals);
        return Math.round(value * scale) / scale;
    }
}
