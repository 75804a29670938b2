package com.partnernet.partners.excellence;

import java.time.Instant;
import java.util.UUID;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import jakarta.persistence.Version;

import com.partnernet.chassis.security.PersonalData;

/** A manager of the operator's sales organisation, expected to spend days directly with customers. */
@Entity
@Table(name = "executive")
public class Executive {

    @Id
    public UUID id;

    @Column(nullable = false)
    @PersonalData
    public String name;

    @Column(nullable = false)
    @PersonalData
    public String email;

    public String title;

    @Column(name = "created_at", nullable = false)
    public Instant createdAt;

    @Column(name = "updated_at", nullable = false)
    public Instant updatedAt;

    @Version
    public long version;
}
