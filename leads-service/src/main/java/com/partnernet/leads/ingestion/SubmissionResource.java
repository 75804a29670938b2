package com.partnernet.leads.ingestion;

import static com.partnernet.chassis.security.Roles.MARKETING_SYSTEM;
import static com.partnernet.chassis.security.Roles.SALES_MANAGER;

import java.util.List;

import jakarta.annotation.security.RolesAllowed;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;

import org.jboss.resteasy.reactive.RestResponse;

import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.RequestBody;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponseSchema;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

import com.fasterxml.jackson.databind.JsonNode;
import com.partnernet.chassis.web.InputReader;

import com.partnernet.chassis.web.Responses;

/** Leads submitted over REST, by systems without Kafka: the same contract and intake as leads.inbound. */
@Produces(MediaType.APPLICATION_JSON)
@Path("/leads")
@Tag(name = "Leads")
public class SubmissionResource {

    /** What a lead that is no JSON object is told, on every path. */
    static final String NOT_A_LEAD = "must be a lead object";

    private final IntakeService intake;
    private final InputReader reader;
    private final BatchSubmission batches;
    private final LeadSources sources;

    public SubmissionResource(IntakeService intake, InputReader reader, BatchSubmission batches, LeadSources sources) {
        this.intake = intake;
        this.reader = reader;
        this.batches = batches;
        this.sources = sources;
    }

    @POST
    @Operation(operationId = "submitLead", summary = "Submit a lead (for systems without Kafka)",
            description = "The same contract and checks as leads.inbound. 201 with a receipt (id, outcome CREATED) for "
                    + "a new lead; the same source and externalId again, also at the same time, answers 200 with a "
                    + "receipt (outcome EXISTING) and changes nothing. A marketing system submits only under the "
                    + "sources its token's lead_sources claim names (403 otherwise).")
    @RolesAllowed({ SALES_MANAGER, MARKETING_SYSTEM })
    @APIResponseSchema(value = LeadReceipt.class, responseCode = "201", responseDescription = "A new lead: the receipt with its id")
    @APIResponse(responseCode = "200", description = "The same source and externalId again: the receipt of the lead known already (outcome EXISTING), nothing changed")
    public RestResponse<LeadReceipt> submit(@RequestBody(required = true, content = @Content(
            mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = InboundLead.class))) @NotNull JsonNode lead) {
        // Read here rather than bound by the framework, so a value of the wrong type is reported with everything
        // else that is wrong, not alone.
        sources.requireAllOf(List.of(lead));
        LeadReceipt receipt = LeadReceipt.of(intake.ingest(reader.read(lead, InboundLead.class, NOT_A_LEAD)));
        return receipt.outcome() == IntakeOutcome.CREATED
                ? Responses.created("/leads/" + receipt.id(), receipt)
                : RestResponse.ok(receipt);
    }

    @POST
    @Path("/batch")
    @Operation(operationId = "submitLeads", summary = "Submit up to 500 leads at once",
            description = "Each lead is checked and stored on its own: the answer lists per item CREATED or EXISTING "
                    + "with the lead's id, or REJECTED with its violations. Every item's source must be one the token "
                    + "may submit under (403 otherwise, and nothing is stored).")
    @RolesAllowed({ SALES_MANAGER, MARKETING_SYSTEM })
    public BatchResult submitBatch(
            @RequestBody(required = true, content = @Content(mediaType = MediaType.APPLICATION_JSON,
                    schema = @Schema(type = SchemaType.ARRAY, implementation = InboundLead.class, maxItems = 500))) List<JsonNode> items) {
        if (items != null) {
            sources.requireAllOf(items);
        }
        return batches.submit(items);
    }
}
