package com.partnernet.partners.fieldsales;

import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.UUID;

import jakarta.persistence.CollectionTable;
import jakarta.persistence.Column;
import jakarta.persistence.ElementCollection;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.OrderColumn;
import jakarta.persistence.Table;
import jakarta.persistence.Version;

import com.partnernet.chassis.error.ConflictException;

import com.partnernet.partners.shop.OpeningHours;
import com.partnernet.partners.shop.ProductLine;

/**
 * A door-to-door team of the direct sales partner in one city. Its rollout wave is {@link #liveFrom}; leads can be
 * routed to it (postal coverage, product focus, capacity) like to a shop.
 */
@Entity
@Table(name = "field_team")
public class FieldTeam {

    @Id
    public UUID id;

    @Column(name = "partner_id", nullable = false)
    public UUID partnerId;

    @Column(nullable = false)
    public String name;

    @Column(nullable = false)
    public String city;

    /** The day the team starts selling (its rollout wave). */
    @Column(name = "live_from", nullable = false)
    public LocalDate liveFrom;

    /** Postal codes or prefixes the team covers. */
    @ElementCollection
    @CollectionTable(name = "field_team_postal_coverage", joinColumns = @JoinColumn(name = "team_id"))
    @Column(name = "postal_prefix", nullable = false)
    public Set<String> postalCoverage = new TreeSet<>();

    /** The product lines the team promotes in its current campaign. */
    @ElementCollection
    @CollectionTable(name = "field_team_product_focus", joinColumns = @JoinColumn(name = "team_id"))
    @Enumerated(EnumType.STRING)
    @Column(name = "product_line", nullable = false)
    public Set<ProductLine> productFocus = EnumSet.noneOf(ProductLine.class);

    /** When the team works its leads; the first-contact SLA counts these hours (a documented default week if none). */
    @ElementCollection
    @CollectionTable(name = "field_team_working_hours", joinColumns = @JoinColumn(name = "team_id"))
    @OrderColumn(name = "position")
    public List<OpeningHours> workingHours = new ArrayList<>();

    /** Where lead notifications go: the team's mailbox (not a person's). */
    public String email;

    /** The current campaign or brands, as the team calls it. */
    public String campaign;

    @Column(name = "weekly_lead_capacity", nullable = false)
    public int weeklyLeadCapacity;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false)
    private FieldTeamStatus status;

    @Column(name = "created_at", nullable = false)
    public Instant createdAt;

    @Column(name = "updated_at", nullable = false)
    public Instant updatedAt;

    /** Optimistic lock (the ETag), and the order of the team's states for consumers of its events. */
    @Version
    public long version;

    /** A new, active team of the partner; its details are set by the caller. */
    public static FieldTeam form(UUID partnerId, Instant now) {
        FieldTeam team = new FieldTeam();
        team.id = UUID.randomUUID();
        team.partnerId = partnerId;
        team.status = FieldTeamStatus.ACTIVE;
        team.createdAt = now;
        team.updatedAt = now;
        return team;
    }

    public FieldTeamStatus status() {
        return status;
    }

    /** @throws ConflictException once disbanded: nothing about it is {@code action} (changed, joined, planned) then */
    public void requireActive(String action) {
        if (status != FieldTeamStatus.ACTIVE) {
            throw new ConflictException("Field team " + id + " is " + status + " and cannot be " + action);
        }
    }

    /**
     * For good: it takes no leads any more; its reps and history stay for the reports.
     *
     * @throws ConflictException once disbanded
     */
    public void disband(Instant now) {
        requireActive("disbanded");
        status = FieldTeamStatus.DISBANDED;
        updatedAt = now;
    }
}
