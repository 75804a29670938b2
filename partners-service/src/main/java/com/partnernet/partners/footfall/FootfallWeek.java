package com.partnernet.partners.footfall;

import java.io.Serializable;
import java.time.Instant;
import java.time.LocalDate;
import java.util.UUID;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.IdClass;
import jakarta.persistence.Table;

/** The visitors one shop counted in one ISO week; the week is kept as its Monday. */
@Entity
@Table(name = "footfall_week")
@IdClass(FootfallWeek.Key.class)
public class FootfallWeek {

    public record Key(UUID shopId, LocalDate weekStart) implements Serializable {
    }

    @Id
    @Column(name = "shop_id")
    public UUID shopId;

    @Id
    @Column(name = "week_start")
    public LocalDate weekStart;

    @Column(nullable = false)
    public int visitors;

    @Column(name = "updated_at", nullable = false)
    public Instant updatedAt;
}
