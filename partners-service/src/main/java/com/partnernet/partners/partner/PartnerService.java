package com.partnernet.partners.partner;

import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;

import com.partnernet.chassis.time.Timestamps;
import com.partnernet.chassis.error.ResourceNotFoundException;
import com.partnernet.chassis.web.ETags;
import com.partnernet.chassis.web.Page;
import com.partnernet.chassis.web.PageParams;
import com.partnernet.chassis.web.Sorting;

import io.quarkus.logging.Log;

@ApplicationScoped
public class PartnerService {

    private static final Map<String, String> SORT_KEYS = Map.of("name", "name", "type", "type", "status", "status",
            "tier", "tier", "createdAt", "createdAt");

    private final PartnerRepository partners;

    public PartnerService(PartnerRepository partners) {
        this.partners = partners;
    }

    @Transactional
    public PartnerView register(PartnerRequest request) {
        Partner partner = new Partner();
        partner.id = UUID.randomUUID();
        partner.createdAt = Timestamps.now();
        apply(request, partner);
        partners.persist(partner);
        Log.infof("Partner %s registered (%s)", partner.id, partner.type);
        return PartnerView.of(partner);
    }

    /** Replaces a partner's details; {@code ifMatch} must name the version the client read. */
    @Transactional
    public PartnerView update(UUID id, String ifMatch, PartnerRequest request) {
        Partner partner = require(id);
        ETags.requireMatch(ifMatch, partner.version, "partner");
        apply(request, partner);
        partners.flush();
        return PartnerView.of(partner);
    }

    @Transactional(Transactional.TxType.SUPPORTS)
    public PartnerView get(UUID id) {
        return PartnerView.of(require(id));
    }

    @Transactional(Transactional.TxType.SUPPORTS)
    public Page<PartnerView> search(PartnerFilter filter, PageParams paging) {
        var query = partners.search(filter, Sorting.parse(paging.sort, SORT_KEYS, "name", "id"))
                .page(paging.page, paging.size);
        return Page.of(query.list(), paging, query.count()).map(PartnerView::of);
    }

    @Transactional(Transactional.TxType.SUPPORTS)
    public List<PartnerView> advisoryBoard(LocalDate on) {
        return partners.boardMembersOn(on).stream().map(PartnerView::of).toList();
    }

    /** The partner, or a 404 problem for the caller. */
    @Transactional(Transactional.TxType.SUPPORTS)
    public Partner require(UUID id) {
        return partners.findByIdOptional(id).orElseThrow(() -> new ResourceNotFoundException("Partner", id));
    }

    private static void apply(PartnerRequest request, Partner partner) {
        partner.name = request.name().strip();
        partner.type = request.type();
        partner.status = request.status() != null ? request.status() : PartnerStatus.ACTIVE;
        partner.contactName = request.contact() != null ? request.contact().name() : null;
        partner.contactEmail = request.contact() != null ? request.contact().email() : null;
        partner.contactPhone = request.contact() != null ? request.contact().phone() : null;
        partner.tier = request.tier();
        partner.boardRole = request.advisoryBoard() != null ? request.advisoryBoard().role() : null;
        partner.boardMemberSince = request.advisoryBoard() != null ? request.advisoryBoard().memberSince() : null;
        partner.boardMemberUntil = request.advisoryBoard() != null ? request.advisoryBoard().memberUntil() : null;
        partner.updatedAt = Timestamps.now();
    }
}
