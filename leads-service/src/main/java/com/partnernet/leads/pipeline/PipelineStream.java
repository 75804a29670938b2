package com.partnernet.leads.pipeline;

import java.util.UUID;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Predicate;

import jakarta.enterprise.context.ApplicationScoped;

import com.partnernet.chassis.event.EventEnvelope;
import com.partnernet.leads.directory.RoutingShopRepository;
import com.partnernet.leads.directory.RoutingTeamRepository;
import com.partnernet.leads.lead.LeadEvents;

import io.smallrye.mutiny.Multi;
import io.smallrye.mutiny.operators.multi.processors.BroadcastProcessor;

/**
 * The live pipeline changes of this instance: every instance reads all of leads.events ({@link PipelineChangesConsumer})
 * and hands each change to the streams open here, whichever instance changed the lead. Nothing is kept: a client that
 * reconnects reads the pipeline again.
 */
@ApplicationScoped
public class PipelineStream {

    /**
     * Changes a slow client has not taken yet; beyond them its stream ends rather than skip a change silently (the
     * client reconnects and reads the pipeline again).
     */
    private static final int BUFFER = 256;

    private final BroadcastProcessor<PipelineChange> changes = BroadcastProcessor.create();
    /** Streams open on this instance. */
    private final AtomicInteger open = new AtomicInteger();
    private final RoutingShopRepository shops;
    private final RoutingTeamRepository teams;

    public PipelineStream(RoutingShopRepository shops, RoutingTeamRepository teams) {
        this.shops = shops;
        this.teams = teams;
    }

    /** Whether any stream is open here: without one, leads.events' records need not even be read. */
    public boolean watched() {
        return open.get() > 0;
    }

    /** A lead event, from leads.events. */
    public void publish(EventEnvelope event, LeadEvents.LeadEvent lead) {
        changes.onNext(new PipelineChange(event.eventId(), event.type(), lead.leadId(), lead.shopId(), lead.teamId(),
                lead.partnerId(), lead.previousShopId(), lead.previousShopId() == null ? null : partnerOf(lead.previousShopId()),
                lead.status(), lead.previousStatus(), lead.declineReason(), lead.slaDueAt(), lead.at()));
    }

    /** The changes of one shop's (or field team's) pipeline from now on. */
    public Multi<PipelineChange> ofShop(UUID shopId) {
        return of(change -> change.concernsShop(shopId));
    }

    /** The changes of all pipelines of one partner from now on. */
    public Multi<PipelineChange> ofPartner(UUID partnerId) {
        return of(change -> change.concernsPartner(partnerId));
    }

    private Multi<PipelineChange> of(Predicate<PipelineChange> concerns) {
        return changes.select().where(concerns).onOverflow().buffer(BUFFER)
                .onSubscription().invoke(open::incrementAndGet)
                .onTermination().invoke(open::decrementAndGet);
    }

    private UUID partnerOf(UUID shopOrTeam) {
        return shops.findByIdOptional(shopOrTeam).map(shop -> shop.partnerId)
                .or(() -> teams.findByIdOptional(shopOrTeam).map(team -> team.partnerId)).orElse(null);
    }
}
