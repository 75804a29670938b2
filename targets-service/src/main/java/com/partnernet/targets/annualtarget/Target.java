package com.partnernet.targets.annualtarget;

import java.time.Instant;
import java.util.Optional;
import java.util.UUID;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import jakarta.persistence.Version;

/** An annual sales target for one product line, in units (contracts): a partner's, or one shop's of it. */
@Entity
@Table(name = "target")
public class Target {

    @Id
    public UUID id;

    @Column(name = "partner_id", nullable = false)
    public UUID partnerId;

    /** Set for a shop's share of its partner's target (a breakdown); null for the partner's own target. */
    @Column(name = "shop_id")
    public UUID shopId;

    @Column(name = "target_year", nullable = false)
    public int year;

    @Enumerated(EnumType.STRING)
    @Column(name = "product_line", nullable = false)
    public ProductLine productLine;

    @Column(nullable = false)
    private int units;

    @Column(name = "updated_at", nullable = false)
    private Instant updatedAt;

    @Version
    public long version;

    /** A target not set yet: {@link #set} gives it its units. */
    public static Target of(UUID partnerId, UUID shopId, int year, ProductLine productLine) {
        Target target = new Target();
        target.id = UUID.randomUUID();
        target.partnerId = partnerId;
        target.shopId = shopId;
        target.year = year;
        target.productLine = productLine;
        return target;
    }

    public int units() {
        return units;
    }

    public Instant updatedAt() {
        return updatedAt;
    }

    /**
     * Sets the units, by {@code by} for {@code reason}.
     *
     * @return the change for the target's history; empty when the target has these units already
     */
    public Optional<TargetChange> set(int newUnits, String by, String reason, Instant now) {
        Integer before = updatedAt == null ? null : units;
        if (before != null && before == newUnits) {
            return Optional.empty();
        }
        units = newUnits;
        updatedAt = now;
        return Optional.of(TargetChange.of(this, before, by, reason));
    }
}
