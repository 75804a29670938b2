package com.partnernet.targets.target;

import java.time.Instant;
import java.util.UUID;

public record TargetView(UUID partnerId, int year, ProductLine productLine, int units, Instant updatedAt) {

    static TargetView of(Target target) {
        return new TargetView(target.partnerId, target.year, target.productLine, target.units, target.updatedAt);
    }
}
