package com.partnernet.targets.annualtarget;

import java.time.Instant;
import java.util.UUID;

import org.jetbrains.annotations.Nullable;

public record TargetView(UUID partnerId, @Nullable UUID shopId, int year, ProductLine productLine, int units, Instant updatedAt,
        long version) {

    static TargetView of(Target target) {
        return new TargetView(target.partnerId, target.shopId, target.year, target.productLine, target.units(),
                target.updatedAt(), target.version);
    }
}
