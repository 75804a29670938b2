package com.partnernet.targets.attainment;

import java.util.List;
import java.util.UUID;

import com.partnernet.targets.target.ProductLine;

/** How far a partner is toward its targets in a year: per product line and in total. */
public record AttainmentView(UUID partnerId, int year, List<Line> productLines, Line total) {

    /** Units sold against the target; percentage is null where no target is set. */
    public record Line(ProductLine productLine, long targetUnits, long soldUnits, Double percentage) {

        static Line of(ProductLine productLine, long targetUnits, long soldUnits) {
            Double percentage = targetUnits > 0 ? Math.round(soldUnits * 1000.0 / targetUnits) / 10.0 : null;
            return new Line(productLine, targetUnits, soldUnits, percentage);
        }
    }
}
