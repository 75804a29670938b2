package com.partnernet.partners.fieldsales;

import java.io.Serializable;
import java.time.LocalDate;
import java.util.UUID;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.IdClass;
import jakarta.persistence.Table;

/** How many reps a field team is planned to have in a month (kept as the month's first day). */
@Entity
@Table(name = "field_team_headcount_plan")
@IdClass(HeadcountPlan.Key.class)
public class HeadcountPlan {

    public record Key(UUID teamId, LocalDate month) implements Serializable {
    }

    @Id
    @Column(name = "team_id")
    public UUID teamId;

    @Id
    @Column(name = "month")
    public LocalDate month;

    @Column(nullable = false)
    public int headcount;
}
