package com.partnernet.partners.partner;

import java.time.Instant;
import java.util.UUID;

import org.jetbrains.annotations.Nullable;

import com.partnernet.chassis.security.PersonalData;

/** A partner as the API shows it; {@code version} is also its ETag. */
public record PartnerView(
        UUID id,
        String name,
        PartnerType type,
        PartnerStatus status,
        @PersonalData @Nullable PartnerRequest.Contact contact,
        @Nullable PartnerTier tier,
        @Nullable PartnerRequest.AdvisoryBoardMembership advisoryBoard,
        Instant createdAt,
        Instant updatedAt,
        long version) {

    static PartnerView of(Partner partner) {
        PartnerRequest.Contact contact = partner.contactName == null && partner.contactEmail == null
                && partner.contactPhone == null ? null
                        : new PartnerRequest.Contact(partner.contactName, partner.contactEmail, partner.contactPhone);
        PartnerRequest.AdvisoryBoardMembership board = partner.boardRole == null ? null
                : new PartnerRequest.AdvisoryBoardMembership(partner.boardRole, partner.boardMemberSince,
                        partner.boardMemberUntil);
        return new PartnerView(partner.id, partner.name, partner.type, partner.status, contact, partner.tier, board,
                partner.createdAt, partner.updatedAt, partner.version);
    }
}
