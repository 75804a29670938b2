package com.partnernet.leads.routing;

import java.time.Instant;
import java.util.UUID;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

/** A lead given to a shop or team; every assignment uses up capacity in its week, even one that ends early. */
@Entity
@Table(name = "lead_assignment")
public class LeadAssignment {

    /** The shop let the first-contact SLA lapse: it is not offered this lead again. */
    public static final String SLA_BREACH = "SLA_BREACH";

    @Id
    public UUID id;

    @Column(name = "lead_id", nullable = false)
    public UUID leadId;

    @Column(name = "shop_id")
    public UUID shopId;

    @Column(name = "team_id")
    public UUID teamId;

    @Column(name = "assigned_at", nullable = false)
    public Instant assignedAt;

    @Column(name = "ended_at")
    public Instant endedAt;

    @Column(name = "end_reason")
    public String endReason;
}
