package com.partnernet.partners.fieldsales;

import java.time.Instant;
import java.time.LocalDate;
import java.util.EnumSet;
import java.util.Set;
import java.util.UUID;

import jakarta.persistence.CollectionTable;
import jakarta.persistence.Column;
import jakarta.persistence.ElementCollection;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.Table;
import jakarta.persistence.Version;

import com.partnernet.chassis.security.PersonalData;
import com.partnernet.partners.shop.ProductLine;

/** A door-to-door sales rep of a field team, from their first to their last working day. */
@Entity
@Table(name = "field_rep")
public class FieldRep {

    @Id
    public UUID id;

    @Column(name = "team_id", nullable = false)
    public UUID teamId;

    @Column(nullable = false)
    @PersonalData
    public String name;

    @Column(name = "employee_number")
    @PersonalData
    public String employeeNumber;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false)
    public RepSource source;

    @Column(name = "start_date", nullable = false)
    public LocalDate startDate;

    /** The last working day; null while the rep stays. */
    @Column(name = "end_date")
    public LocalDate endDate;

    @ElementCollection
    @CollectionTable(name = "field_rep_product_focus", joinColumns = @JoinColumn(name = "rep_id"))
    @Enumerated(EnumType.STRING)
    @Column(name = "product_line", nullable = false)
    public Set<ProductLine> productFocus = EnumSet.noneOf(ProductLine.class);

    @Column(name = "created_at", nullable = false)
    public Instant createdAt;

    @Column(name = "updated_at", nullable = false)
    public Instant updatedAt;

    @Version
    public long version;

    /** Whether the rep works for the team on that day. */
    public boolean isActiveOn(LocalDate day) {
        return !startDate.isAfter(day) && (endDate == null || !endDate.isBefore(day));
    }
}
