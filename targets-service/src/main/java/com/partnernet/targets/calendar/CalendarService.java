package com.partnernet.targets.calendar;

import java.time.LocalDate;
import java.time.Year;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;

import com.partnernet.chassis.error.InvalidRequestException;
import com.partnernet.chassis.error.ResourceNotFoundException;
import com.partnernet.chassis.time.Timestamps;
import com.partnernet.targets.annualtarget.ProductLine;

/**
 * The seasonal curve targets are spread over: a weight per week of the year (7-day blocks from 1 January; week 53
 * holds the last day or two), raised on promotion days. Without a curve of its own a year uses the default: weeks
 * 1–26 weigh 1.0, weeks 27–47 1.2 and weeks 48–53, the Christmas season, 1.5.
 */
@ApplicationScoped
public class CalendarService {

    static final int WEEKS = 53;

    private final CurveWeekRepository curves;
    private final PromotionRepository promotions;

    public CalendarService(CurveWeekRepository curves, PromotionRepository promotions) {
        this.curves = curves;
        this.promotions = promotions;
    }

    /** The default weight of a week: a stronger second half and Christmas season. */
    public static double defaultWeight(int week) {
        return week <= 26 ? 1.0 : week <= 47 ? 1.2 : 1.5;
    }

    /** The week of the year a day falls in, as the curve counts them. */
    public static int weekOf(LocalDate day) {
        return (day.getDayOfYear() - 1) / 7 + 1;
    }

    /** The weight of every day of a year for a product line (index 0 is 1 January). */
    @Transactional(Transactional.TxType.SUPPORTS)
    public double[] dailyWeights(int year, ProductLine productLine) {
        double[] weekWeights = weekWeights(year);
        List<Promotion> promotionsOfYear = promotions(year);
        double[] weights = new double[Year.of(year).length()];
        LocalDate day = LocalDate.of(year, 1, 1);
        for (int i = 0; i < weights.length; i++, day = day.plusDays(1)) {
            double weight = weekWeights[weekOf(day) - 1];
            for (Promotion promotion : promotionsOfYear) {
                if (promotion.covers(day, productLine.name())) {
                    weight *= 1 + promotion.uplift;
                }
            }
            weights[i] = weight;
        }
        return weights;
    }

    /** The 53 week weights of a year: its own curve, or the default. */
    @Transactional(Transactional.TxType.SUPPORTS)
    public double[] weekWeights(int year) {
        double[] weights = new double[WEEKS];
        for (int week = 1; week <= WEEKS; week++) {
            weights[week - 1] = defaultWeight(week);
        }
        curves.ofYear(year).forEach(week -> weights[week.week - 1] = week.weight);
        return weights;
    }

    @Transactional(Transactional.TxType.SUPPORTS)
    public boolean hasOwnCurve(int year) {
        return curves.existsForYear(year);
    }

    /** Replaces a year's curve: 53 weights, week 1 first. */
    @Transactional
    public void setCurve(int year, List<Double> weights) {
        if (weights.size() != WEEKS) {
            throw new InvalidRequestException("weights", "needs one weight per week, 53 in all, not " + weights.size());
        }
        if (weights.stream().mapToDouble(Double::doubleValue).sum() <= 0) {
            throw new InvalidRequestException("weights", "at least one week must weigh more than 0");
        }
        curves.deleteYear(year);
        for (int week = 1; week <= WEEKS; week++) {
            CurveWeek row = new CurveWeek();
            row.year = year;
            row.week = week;
            row.weight = weights.get(week - 1);
            curves.persist(row);
        }
    }

    @Transactional
    public Promotion addPromotion(PromotionRequest request) {
        Promotion promotion = new Promotion();
        promotion.id = UUID.randomUUID();
        promotion.name = request.name().strip();
        promotion.fromDay = request.from();
        promotion.toDay = request.to();
        promotion.dayOfWeek = request.dayOfWeek();
        promotion.uplift = request.uplift();
        if (request.productLines() != null) {
            request.productLines().forEach(line -> promotion.productLines.add(line.name()));
        }
        promotion.createdAt = Timestamps.now();
        promotions.persist(promotion);
        return promotion;
    }

    @Transactional
    public void removePromotion(UUID id) {
        promotions.delete(promotion(id));
    }

    @Transactional(Transactional.TxType.SUPPORTS)
    public Promotion promotion(UUID id) {
        return promotions.findByIdOptional(id).orElseThrow(() -> new ResourceNotFoundException("Promotion", id));
    }

    /** Promotions touching a year, earliest first. */
    @Transactional(Transactional.TxType.SUPPORTS)
    public List<Promotion> promotions(int year) {
        return new ArrayList<>(promotions.findTouching(year));
    }
}
