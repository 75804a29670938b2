package com.partnernet.leads.directory;

import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.UUID;

import jakarta.persistence.Column;
import jakarta.persistence.Convert;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

import org.hibernate.annotations.JdbcTypeCode;
import org.hibernate.type.SqlTypes;
import org.jetbrains.annotations.Nullable;
import com.fasterxml.jackson.annotation.JsonProperty;
import com.partnernet.chassis.persistence.CodeSetConverter;
import com.partnernet.leads.businesstime.OpeningInterval;

/** This service's copy of a field team of the direct sales partner, from FieldTeam events on partners.shop-events. */
@Entity
@Table(name = "routing_team")
public class RoutingTeam {

    public static final String ACTIVE = "ACTIVE";

    @Id
    @Column(name = "team_id")
    @JsonProperty("id")
    public UUID teamId;

    @Column(name = "partner_id", nullable = false)
    public UUID partnerId;

    @Column(nullable = false)
    public String name;

    @Column(nullable = false)
    public String city;

    @Column(name = "live_from", nullable = false)
    public LocalDate liveFrom;

    @Convert(converter = CodeSetConverter.class)
    @Column(name = "postal_coverage", nullable = false)
    public Set<String> postalCoverage = new TreeSet<>();

    @Convert(converter = CodeSetConverter.class)
    @Column(name = "product_focus", nullable = false)
    public Set<String> productFocus = new TreeSet<>();

    @Column(name = "weekly_lead_capacity", nullable = false)
    public int weeklyLeadCapacity;

    @Column(nullable = false)
    public String status;

    /** When the first-contact SLA counts (the default week when empty). */
    @JdbcTypeCode(SqlTypes.JSON)
    @Column(name = "working_hours", nullable = false)
    public List<OpeningInterval> workingHours = new ArrayList<>();

    /** Where lead notifications go: the team's mailbox. */
    @Nullable
    public String email;

    @Column(name = "team_version", nullable = false)
    public long teamVersion;

    @Column(name = "updated_at", nullable = false)
    public Instant updatedAt;

    /** Whether the team takes leads on that day: active and rolled out. */
    public boolean isLiveOn(LocalDate day) {
        return ACTIVE.equals(status) && !liveFrom.isAfter(day);
    }

    public boolean covers(String postalCode) {
        return postalCoverage.stream().anyMatch(postalCode::startsWith);
    }
}
