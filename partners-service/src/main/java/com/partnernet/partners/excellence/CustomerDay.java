package com.partnernet.partners.excellence;

import java.time.Instant;
import java.time.LocalDate;
import java.util.UUID;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

import com.partnernet.chassis.security.PersonalData;

/** A day an executive spent directly with customers, at a shop or with a field team; one per executive and day. */
@Entity
@Table(name = "customer_day")
public class CustomerDay {

    @Id
    public UUID id;

    @Column(name = "executive_id", nullable = false)
    public UUID executiveId;

    @Column(nullable = false)
    public LocalDate day;

    @Column(name = "shop_id")
    public UUID shopId;

    @Column(name = "field_team_id")
    public UUID fieldTeamId;

    @PersonalData
    public String notes;

    @Column(name = "created_at", nullable = false)
    public Instant createdAt;
}
