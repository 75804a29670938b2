package com.partnernet.leads.gdpr;

import java.time.Instant;
import java.util.UUID;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

/** The audit record of an erasure of a lead's personal data. */
@Entity
@Table(name = "lead_erasure")
public class LeadErasure {

    /** Who the scheduled purge erases as. */
    public static final String RETENTION_PURGE = "retention-purge";

    @Id
    public UUID id;

    @Column(name = "lead_id", nullable = false)
    public UUID leadId;

    @Column(name = "erased_at", nullable = false)
    public Instant erasedAt;

    @Column(name = "requested_by", nullable = false)
    public String requestedBy;

    @Column(nullable = false)
    public String reason;
}
