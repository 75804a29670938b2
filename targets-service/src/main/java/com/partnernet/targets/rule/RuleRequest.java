package com.partnernet.targets.rule;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.UUID;

import jakarta.validation.constraints.AssertTrue;
import jakarta.validation.constraints.DecimalMax;
import jakarta.validation.constraints.DecimalMin;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;

import org.jetbrains.annotations.Nullable;

import com.fasterxml.jackson.annotation.JsonIgnore;
import com.partnernet.chassis.web.ReportedOn;
import com.partnernet.targets.annualtarget.ProductLine;

/** A period rule as a client sends it; the scope follows from what it names (a shop, a partner, or neither). */
public record RuleRequest(
        @NotNull PeriodRule.Type type,
        @Nullable UUID partnerId,
        @Nullable UUID shopId,
        @Nullable ProductLine productLine,
        @NotNull LocalDate from,
        @NotNull LocalDate to,
        @DecimalMin("0") @DecimalMax("1000") @Nullable BigDecimal percent,
        @NotBlank @Size(max = 500) String reason) {

    @JsonIgnore
    @AssertTrue(message = "to must not be before from")
    @ReportedOn("to")
    public boolean isRangeValid() {
        return from == null || to == null || !to.isBefore(from);
    }

    @JsonIgnore
    @AssertTrue(message = "a SCALE rule needs a percent, a WAIVE rule has none")
    @ReportedOn("percent")
    public boolean isPercentFitting() {
        return type == null || (type == PeriodRule.Type.SCALE) == (percent != null);
    }

    @JsonIgnore
    @AssertTrue(message = "a shop rule also names the shop's partner")
    @ReportedOn("partnerId")
    public boolean isShopWithPartner() {
        return shopId == null || partnerId != null;
    }

    PeriodRule.Scope scope() {
        return shopId != null ? PeriodRule.Scope.SHOP : partnerId != null ? PeriodRule.Scope.PARTNER : PeriodRule.Scope.NETWORK;
    }
}
