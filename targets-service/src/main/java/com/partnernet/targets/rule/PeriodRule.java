package com.partnernet.targets.rule;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.UUID;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

import org.jetbrains.annotations.Nullable;

import com.fasterxml.jackson.annotation.JsonProperty;
import com.partnernet.chassis.error.ConflictException;
import com.partnernet.chassis.security.PersonalData;
import com.partnernet.targets.annualtarget.ProductLine;

/**
 * An effective-dated change of targets over a date range: WAIVE it (no target) or SCALE it to a percentage of the
 * annual target. Applies network-wide, to one partner (and its shops) or to one shop; to one product line or all.
 * Withdrawn rules stay for the record.
 */
@Entity
@Table(name = "period_rule")
public class PeriodRule {

    public enum Scope {
        NETWORK,
        PARTNER,
        SHOP
    }

    public enum Type {
        WAIVE,
        SCALE
    }

    @Id
    public UUID id;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false)
    public Scope scope;

    @Column(name = "partner_id")
    @Nullable
    public UUID partnerId;

    @Column(name = "shop_id")
    @Nullable
    public UUID shopId;

    /** Null: every product line. */
    @Enumerated(EnumType.STRING)
    @Column(name = "product_line")
    @Nullable
    public ProductLine productLine;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false)
    public Type type;

    @Column(name = "from_day", nullable = false)
    @JsonProperty("from")
    public LocalDate fromDay;

    @Column(name = "to_day", nullable = false)
    @JsonProperty("to")
    public LocalDate toDay;

    /** SCALE: the range's share of the annual target, in percent. */
    @Nullable
    public BigDecimal percent;

    @Column(nullable = false)
    public String reason;

    @Column(nullable = false)
    @PersonalData
    @Nullable
    public String author;

    @Column(name = "created_at", nullable = false)
    public Instant createdAt;

    /** Set once, by {@link #withdraw}: a withdrawn rule shapes no target from then on and stays for the record. */
    @Column(name = "withdrawn_at")
    @JsonProperty
    @Nullable
    private Instant withdrawnAt;

    @Column(name = "withdrawn_by")
    @PersonalData
    @JsonProperty
    @Nullable
    private String withdrawnBy;

    /** A rule as requested by {@code author}, in force from {@code now}. */
    static PeriodRule of(RuleRequest request, String author, Instant now) {
        PeriodRule rule = new PeriodRule();
        rule.id = UUID.randomUUID();
        rule.scope = request.scope();
        rule.partnerId = request.partnerId();
        rule.shopId = request.shopId();
        rule.productLine = request.productLine();
        rule.type = request.type();
        rule.fromDay = request.from();
        rule.toDay = request.to();
        rule.percent = request.percent();
        rule.reason = request.reason().strip();
        rule.author = author;
        rule.createdAt = now;
        return rule;
    }

    /**
     * Withdrawn by {@code by} at {@code now}, for good.
     *
     * @throws ConflictException once withdrawn
     */
    public void withdraw(String by, Instant now) {
        if (withdrawnAt != null) {
            throw new ConflictException("Period rule " + id + " was withdrawn at " + withdrawnAt);
        }
        withdrawnAt = now;
        withdrawnBy = by;
    }

    public boolean covers(LocalDate day) {
        return !day.isBefore(fromDay) && !day.isAfter(toDay);
    }
}
