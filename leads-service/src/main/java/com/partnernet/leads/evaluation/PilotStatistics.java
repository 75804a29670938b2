package com.partnernet.leads.evaluation;

import java.util.List;

import org.apache.commons.math3.distribution.TDistribution;
import org.apache.commons.math3.stat.StatUtils;
import org.apache.commons.math3.stat.descriptive.rank.Median;
import org.apache.commons.math3.stat.regression.SimpleRegression;

/** The arithmetic of the pilot evaluation, without the database: means, slopes, and Welch's interval. */
final class PilotStatistics {

    private PilotStatistics() {
    }

    /**
     * A difference of two group means with its interval.
     *
     * @param degreesOfFreedom Welch–Satterthwaite's; infinite when both groups have no spread
     */
    record Interval(double difference, double standardError, double degreesOfFreedom, double lower, double upper) {

        boolean above(double value) {
            return lower > value;
        }

        boolean below(double value) {
            return upper < value;
        }
    }

    /**
     * Mean of {@code a} minus mean of {@code b}, with Welch's t interval (unequal variances; needs two values per
     * group). Each value is one shop's, so weeks of the same shop, which move together, are not counted as independent.
     */
    static Interval welch(List<Double> a, List<Double> b, double confidence) {
        if (a.size() < 2 || b.size() < 2) {
            throw new IllegalArgumentException("Welch's interval needs two values per group");
        }
        double varianceA = variance(a) / a.size();
        double varianceB = variance(b) / b.size();
        double difference = mean(a) - mean(b);
        double standardError = Math.sqrt(varianceA + varianceB);
        if (standardError == 0) {
            return new Interval(difference, 0, Double.POSITIVE_INFINITY, difference, difference);
        }
        double degrees = Math.pow(varianceA + varianceB, 2)
                / (varianceA * varianceA / (a.size() - 1) + varianceB * varianceB / (b.size() - 1));
        double critical = new TDistribution(degrees).inverseCumulativeProbability(1 - (1 - confidence) / 2);
        return new Interval(difference, standardError, degrees, difference - critical * standardError,
                difference + critical * standardError);
    }

    static double mean(List<Double> values) {
        return StatUtils.mean(array(values));
    }

    /** Sample variance (n − 1). */
    static double variance(List<Double> values) {
        return StatUtils.variance(array(values));
    }

    static double median(List<Double> values) {
        return new Median().evaluate(array(values));
    }

    /** Least-squares slope of {@code y} over {@code x}; null with fewer than two distinct x. */
    static Double slope(List<Double> x, List<Double> y) {
        SimpleRegression regression = new SimpleRegression();
        for (int i = 0; i < x.size(); i++) {
            regression.addData(x.get(i), y.get(i));
        }
        double slope = regression.getSlope();
        return Double.isNaN(slope) ? null : slope;
    }

    private static double[] array(List<Double> values) {
        return values.stream().mapToDouble(Double::doubleValue).toArray();
    }

    /** {@code value} rounded half up to {@code decimals} places, as the evaluation reports its figures. */
    static double round(double value, int decimals) {
        double scale = Math.pow(10, decimals);
        return Math.round(value * scale) / scale;
    }

    static Double round(Double value, int decimals) {
        return value == null ? null : round(value.doubleValue(), decimals);
    }
}
