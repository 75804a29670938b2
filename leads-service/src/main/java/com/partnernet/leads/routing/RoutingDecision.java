package com.partnernet.leads.routing;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

import org.hibernate.annotations.Immutable;
import org.hibernate.annotations.JdbcTypeCode;
import org.hibernate.type.SqlTypes;

/**
 * A routing decision for a lead, kept with its whole trail so anyone can see why the lead went where it went. A record:
 * never changed once made (so Hibernate neither copies its trail when it is stored nor checks it at each flush).
 */
@Entity
@Immutable
@Table(name = "routing_decision")
public class RoutingDecision {

    /** Why routing ran. */
    public enum Cause {
        INTAKE,
        SLA_REASSIGNMENT,
        /** The shop it was assigned to declined it. */
        DECLINE
    }

    public enum Outcome {
        SHOP,
        FIELD_TEAM,
        UNROUTED,
        /** Not routed on: declined as spam or fake, closed. */
        CLOSED
    }

    @Id
    public UUID id;

    @Column(name = "lead_id", nullable = false)
    public UUID leadId;

    @Column(name = "decided_at", nullable = false)
    public Instant decidedAt;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false)
    public Cause cause;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false)
    public Outcome outcome;

    @Column(name = "shop_id")
    public UUID shopId;

    @Column(name = "team_id")
    public UUID teamId;

    @Column(nullable = false)
    public String reason;

    @JdbcTypeCode(SqlTypes.JSON)
    @Column(nullable = false)
    public List<TrailEntry> trail = new ArrayList<>();
}
