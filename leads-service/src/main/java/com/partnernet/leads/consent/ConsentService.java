package com.partnernet.leads.consent;

import java.util.List;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;

import com.partnernet.leads.lead.LeadService;

/** The consents recorded with leads (intake records them with the lead). */
@ApplicationScoped
public class ConsentService {

    private final ConsentRepository consents;
    private final LeadService leads;

    public ConsentService(ConsentRepository consents, LeadService leads) {
        this.consents = consents;
        this.leads = leads;
    }

    /** A lead's consents, oldest first, if the caller may see the lead. */
    @Transactional(Transactional.TxType.SUPPORTS)
    public List<ConsentView> ofLead(UUID leadId) {
        leads.requireVisible(leadId);
        return consents.ofLead(leadId).stream().map(ConsentView::of).toList();
    }
}
