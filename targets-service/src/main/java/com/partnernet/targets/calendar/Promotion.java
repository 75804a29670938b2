package com.partnernet.targets.calendar;

import java.time.DayOfWeek;
import java.time.Instant;
import java.time.LocalDate;
import java.util.Set;
import java.util.TreeSet;
import java.util.UUID;

import jakarta.persistence.Column;
import jakarta.persistence.Convert;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

import org.jetbrains.annotations.Nullable;

import com.fasterxml.jackson.annotation.JsonProperty;
import com.partnernet.chassis.persistence.CodeSetConverter;

/**
 * Promotion days (a deal day, a TV campaign, a product launch): the days between {@link #fromDay} and {@link #toDay}
 * (only one weekday of them, for a recurring deal day like "Magenta Thursday") weigh {@code 1 + uplift} times more
 * in the seasonal curve, for the product lines named (none: all).
 */
@Entity
@Table(name = "promotion")
public class Promotion {

    @Id
    public UUID id;

    @Column(nullable = false)
    public String name;

    @Column(name = "from_day", nullable = false)
    @JsonProperty("from")
    public LocalDate fromDay;

    @Column(name = "to_day", nullable = false)
    @JsonProperty("to")
    public LocalDate toDay;

    @Enumerated(EnumType.STRING)
    @Column(name = "day_of_week")
    @Nullable
    public DayOfWeek dayOfWeek;

    @Column(nullable = false)
    public double uplift;

    @Convert(converter = CodeSetConverter.class)
    @Column(name = "product_lines", nullable = false)
    public Set<String> productLines = new TreeSet<>();

    @Column(name = "created_at", nullable = false)
    public Instant createdAt;

    public boolean covers(LocalDate day, String productLine) {
        return !day.isBefore(fromDay) && !day.isAfter(toDay) && (dayOfWeek == null || day.getDayOfWeek() == dayOfWeek)
                && (productLines.isEmpty() || productLines.contains(productLine));
    }
}
