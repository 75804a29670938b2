package com.partnernet.targets.annualtarget;

import java.time.Instant;
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
    public int units;

    @Column(name = "updated_at", nullable = false)
    public Instant updatedAt;

    @Version
    public long version;
}
