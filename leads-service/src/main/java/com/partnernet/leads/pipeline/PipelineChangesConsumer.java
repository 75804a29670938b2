package com.partnernet.leads.pipeline;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.context.control.ActivateRequestContext;

import org.eclipse.microprofile.reactive.messaging.Incoming;

import com.partnernet.chassis.event.EventHandler;
import com.partnernet.chassis.shutdown.Drained;
import com.partnernet.leads.lead.LeadEvents;

import io.smallrye.reactive.messaging.annotations.Blocking;

/**
 * leads.events into the live pipeline streams. Each instance reads the topic in a consumer group of its own, from
 * the newest record on, and commits nothing: a stream shows what happens while it is open.
 */
@ApplicationScoped
public class PipelineChangesConsumer {

    private final EventHandler handler;
    private final PipelineStream stream;

    public PipelineChangesConsumer(EventHandler handler, PipelineStream stream) {
        this.handler = handler;
        this.stream = stream;
    }

    @Drained
    @Incoming("pipeline-changes")
    @Blocking
    @ActivateRequestContext // a change that moved a lead reads the directory for the previous shop's partner
    public void onLeadEvent(String record) {
        // Nobody watching: not even read (a burst of intake publishes two events a lead).
        if (stream.watched()) {
            handler.view(record, LeadEvents.AGGREGATE, LeadEvents.LeadEvent.class, stream::publish);
        }
    }
}
