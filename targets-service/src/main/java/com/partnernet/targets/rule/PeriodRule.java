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

import com.fasterxml.jackson.annotation.JsonProperty;
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
    public UUID partnerId;

    @Column(name = "shop_id")
    public UUID shopId;

    /** Null: every product line. */
    @Enumerated(EnumType.STRING)
    @Column(name = "product_line")
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
    public BigDecimal percent;

    @Column(nullable = false)
    public String reason;

    @Column(nullable = false)
    @PersonalData
    public String author;

    @Column(name = "created_at", nullable = false)
    public Instant createdAt;

    @Column(name = "withdrawn_at")
    public Instant withdrawnAt;

    @Column(name = "withdrawn_by")
    @PersonalData
    public String withdrawnBy;

    public boolean covers(LocalDate day) {
        return !day.isBefore(fromDay) && !day.isAfter(toDay);
    }
}
