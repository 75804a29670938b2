package com.partnernet.targets.annualtarget;

import java.time.Instant;
import java.util.UUID;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

import com.partnernet.chassis.security.PersonalData;

/** One change of a target: who, when, why, from what to what. */
@Entity
@Table(name = "target_change")
public class TargetChange {

    @Id
    public UUID id;

    @Column(name = "target_id", nullable = false)
    public UUID targetId;

    @Column(name = "changed_at", nullable = false)
    public Instant changedAt;

    @Column(name = "changed_by", nullable = false)
    @PersonalData
    public String changedBy;

    public String reason;

    @Column(name = "units_before")
    public Integer unitsBefore;

    @Column(name = "units_after", nullable = false)
    public int unitsAfter;

    /** What {@link Target#set} changed: from {@code before} (null: the target was new) to its units now. */
    static TargetChange of(Target target, Integer before, String by, String reason) {
        TargetChange change = new TargetChange();
        change.id = UUID.randomUUID();
        change.targetId = target.id;
        change.changedAt = target.updatedAt();
        change.changedBy = by;
        change.reason = reason;
        change.unitsBefore = before;
        change.unitsAfter = target.units();
        return change;
    }
}
