package com.partnernet.leads.evaluation;

import static com.partnernet.chassis.security.Roles.OPS;
import static com.partnernet.chassis.security.Roles.SALES_MANAGER;

import java.util.UUID;

import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;

import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

@Produces(MediaType.APPLICATION_JSON)
@Path("/campaigns/{campaignId}/evaluation")
@Tag(name = "Campaigns")
public class EvaluationResource {

    private final EvaluationService evaluation;

    public EvaluationResource(EvaluationService evaluation) {
        this.evaluation = evaluation;
    }

    @GET
    @Operation(operationId = "evaluateCampaign", summary = "How the pilot fares: leads, time to first contact, pilot against control shops, recommendation",
            description = "Pilot shops are measured on this campaign's leads, control shops on all their leads in the "
                    + "campaign's period. Uplift: pilot minus control conversion with a confidence interval and a "
                    + "two-proportion z-test; the answer states the rule behind the recommendation. Won leads per "
                    + "1,000 visitors use partners-service's footfall when it answers.")
    @RolesAllowed({ SALES_MANAGER, OPS })
    public PilotEvaluation evaluation(@PathParam("campaignId") UUID campaignId) {
        return evaluation.evaluate(campaignId);
    }
}
