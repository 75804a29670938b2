package com.partnernet.partners.remodel;

import java.time.Instant;
import java.time.LocalDate;
import java.util.UUID;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import jakarta.persistence.Version;

/** The remodel of one shop into the new store format. A shop has at most one open (planned or running) remodel. */
@Entity
@Table(name = "remodel")
public class Remodel {

    @Id
    public UUID id;

    @Column(name = "shop_id", nullable = false)
    public UUID shopId;

    /** The shop's partner, kept here for the programme report per partner. */
    @Column(name = "partner_id", nullable = false)
    public UUID partnerId;

    @Column(name = "planned_start", nullable = false)
    public LocalDate plannedStart;

    @Column(name = "planned_end", nullable = false)
    public LocalDate plannedEnd;

    @Column(name = "actual_start")
    public LocalDate actualStart;

    @Column(name = "actual_end")
    public LocalDate actualEnd;

    /** Whether starting it closes the shop until it is completed. */
    @Column(name = "closes_shop", nullable = false)
    public boolean closesShop;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false)
    public RemodelStatus status;

    @Column(name = "cancel_reason")
    public String cancelReason;

    @Column(name = "created_at", nullable = false)
    public Instant createdAt;

    @Column(name = "updated_at", nullable = false)
    public Instant updatedAt;

    @Version
    public long version;

    /** Behind its plan on {@code today}: planned but its start has passed, or running past its planned end. */
    public boolean isOverdue(LocalDate today) {
        return status == RemodelStatus.PLANNED && plannedStart.isBefore(today)
                || status == RemodelStatus.IN_PROGRESS && plannedEnd.isBefore(today);
    }
}
