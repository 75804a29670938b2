package com.partnernet.targets.target;

import java.time.Instant;
import java.util.UUID;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import jakarta.persistence.Version;

/** A partner's annual sales target for one product line, in units (contracts). */
@Entity
@Table(name = "target")
public class Target {

    @Id
    public UUID id;

    @Column(name = "partner_id", nullable = false)
    public UUID partnerId;

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
