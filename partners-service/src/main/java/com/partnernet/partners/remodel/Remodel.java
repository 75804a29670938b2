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

import com.partnernet.chassis.error.ConflictException;

/**
 * The remodel of one shop into the new store format. A shop has at most one open (planned or running) remodel. Its
 * status moves only through its own methods: PLANNED → IN_PROGRESS → COMPLETED; PLANNED or IN_PROGRESS → CANCELLED.
 */
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
    private LocalDate actualStart;

    @Column(name = "actual_end")
    private LocalDate actualEnd;

    /** Whether starting it closes the shop until it is completed. */
    @Column(name = "closes_shop", nullable = false)
    public boolean closesShop;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false)
    private RemodelStatus status;

    @Column(name = "cancel_reason")
    private String cancelReason;

    @Column(name = "created_at", nullable = false)
    public Instant createdAt;

    @Column(name = "updated_at", nullable = false)
    public Instant updatedAt;

    @Version
    public long version;

    /** A planned remodel of the partner's shop; its dates are set by {@link #schedule}. */
    public static Remodel plan(UUID shopId, UUID partnerId, boolean closesShop, Instant now) {
        Remodel remodel = new Remodel();
        remodel.id = UUID.randomUUID();
        remodel.shopId = shopId;
        remodel.partnerId = partnerId;
        remodel.status = RemodelStatus.PLANNED;
        remodel.closesShop = closesShop;
        remodel.createdAt = now;
        remodel.updatedAt = now;
        return remodel;
    }

    public RemodelStatus status() {
        return status;
    }

    public LocalDate actualStart() {
        return actualStart;
    }

    public LocalDate actualEnd() {
        return actualEnd;
    }

    public String cancelReason() {
        return cancelReason;
    }

    /**
     * New planned dates (and whether it closes the shop, when said).
     *
     * @throws ConflictException once it started
     */
    public void schedule(LocalDate start, LocalDate end, Boolean closes, Instant now) {
        requireStatus(RemodelStatus.PLANNED, "rescheduled");
        plannedStart = start;
        plannedEnd = end;
        closesShop = closes == null ? closesShop : closes;
        updatedAt = now;
    }

    /** @throws ConflictException unless planned */
    public void start(LocalDate on, Instant now) {
        requireStatus(RemodelStatus.PLANNED, "started");
        status = RemodelStatus.IN_PROGRESS;
        actualStart = on;
        updatedAt = now;
    }

    /** @throws ConflictException unless running, or when {@code on} lies before its start */
    public void complete(LocalDate on, Instant now) {
        requireStatus(RemodelStatus.IN_PROGRESS, "completed");
        if (on.isBefore(actualStart)) {
            throw new ConflictException("Remodel " + id + " started on " + actualStart + "; it cannot end before");
        }
        status = RemodelStatus.COMPLETED;
        actualEnd = on;
        updatedAt = now;
    }

    /**
     * Calls it off.
     *
     * @return whether it was running (and may have closed its shop)
     * @throws ConflictException once completed or cancelled
     */
    public boolean cancel(String reason, Instant now) {
        if (!RemodelStatus.OPEN.contains(status)) {
            throw new ConflictException("Remodel " + id + " is " + status + " and cannot be cancelled");
        }
        boolean wasRunning = status == RemodelStatus.IN_PROGRESS;
        status = RemodelStatus.CANCELLED;
        cancelReason = reason;
        updatedAt = now;
        return wasRunning;
    }

    /** Behind its plan on {@code today}: planned but its start has passed, or running past its planned end. */
    public boolean isOverdue(LocalDate today) {
        return status == RemodelStatus.PLANNED && plannedStart.isBefore(today)
                || status == RemodelStatus.IN_PROGRESS && plannedEnd.isBefore(today);
    }

    private void requireStatus(RemodelStatus expected, String action) {
        if (status != expected) {
            throw new ConflictException("Remodel " + id + " is " + status + "; only a " + expected + " remodel can be "
                    + action);
        }
    }
}
