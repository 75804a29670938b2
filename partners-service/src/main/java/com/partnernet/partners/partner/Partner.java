package com.partnernet.partners.partner;

import java.time.Instant;
import java.time.LocalDate;
import java.util.UUID;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import jakarta.persistence.Version;

import com.partnernet.chassis.security.PersonalData;

/** A company that sells the operator's products through its shops or sales force. */
@Entity
@Table(name = "partner")
public class Partner {

    @Id
    public UUID id;

    @Column(nullable = false)
    public String name;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false)
    public PartnerType type;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false)
    public PartnerStatus status;

    @Column(name = "contact_name")
    @PersonalData
    public String contactName;

    @Column(name = "contact_email")
    @PersonalData
    public String contactEmail;

    @Column(name = "contact_phone")
    @PersonalData
    public String contactPhone;

    @Enumerated(EnumType.STRING)
    public PartnerTier tier;

    /** Dealer advisory board membership; null role means not a member (ever). */
    @Enumerated(EnumType.STRING)
    @Column(name = "board_role")
    public BoardRole boardRole;

    @Column(name = "board_member_since")
    public LocalDate boardMemberSince;

    @Column(name = "board_member_until")
    public LocalDate boardMemberUntil;

    @Column(name = "created_at", nullable = false)
    public Instant createdAt;

    @Column(name = "updated_at", nullable = false)
    public Instant updatedAt;

    @Version
    public long version;
}
