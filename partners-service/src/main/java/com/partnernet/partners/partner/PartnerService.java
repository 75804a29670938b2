package com.partnernet.partners.partner;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;

import com.partnernet.chassis.error.ResourceNotFoundException;

import io.quarkus.logging.Log;
import io.quarkus.panache.common.Sort;

@ApplicationScoped
public class PartnerService {

    private final PartnerRepository partners;

    public PartnerService(PartnerRepository partners) {
        this.partners = partners;
    }

    @Transactional
    public PartnerView register(PartnerRequest request) {
        Partner partner = new Partner();
        partner.id = UUID.randomUUID();
        partner.name = request.name().strip();
        partner.type = request.type();
        partner.createdAt = Instant.now();
        partners.persist(partner);
        Log.infof("Partner %s registered (%s)", partner.id, partner.type);
        return PartnerView.of(partner);
    }

    @Transactional(Transactional.TxType.SUPPORTS)
    public PartnerView get(UUID id) {
        return PartnerView.of(require(id));
    }

    @Transactional(Transactional.TxType.SUPPORTS)
    public List<PartnerView> list() {
        return partners.listAll(Sort.by("name").and("id")).stream().map(PartnerView::of).toList();
    }

    /** The partner, or a 404 problem for the caller. */
    @Transactional(Transactional.TxType.SUPPORTS)
    public Partner require(UUID id) {
        return partners.findByIdOptional(id).orElseThrow(() -> new ResourceNotFoundException("Partner", id));
    }
}
