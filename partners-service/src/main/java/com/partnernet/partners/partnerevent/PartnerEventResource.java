package com.partnernet.partners.partnerevent;

import java.net.URI;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import jakarta.ws.rs.BeanParam;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.Response;

import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

import com.partnernet.chassis.web.ETags;
import com.partnernet.chassis.web.Page;
import com.partnernet.chassis.web.PageParams;

@Path("/partner-events")
@Tag(name = "Partner events")
public class PartnerEventResource {

    private final PartnerEventService events;

    public PartnerEventResource(PartnerEventService events) {
        this.events = events;
    }

    @POST
    @Operation(summary = "Announce a partner event (e.g. the partner summit)")
    public Response announce(@Valid @NotNull PartnerEventRequest request) {
        PartnerEventView event = events.announce(request);
        return ETags.created("/partner-events/" + event.id(), event, event.version());
    }

    @GET
    @Operation(summary = "Partner events, paged", description = "Sort keys: date (default), name, city.")
    public Page<PartnerEventView> search(@QueryParam("from") LocalDate from, @QueryParam("city") @Size(max = 100) String city,
            @Valid @BeanParam PageParams paging) {
        return events.search(from, city, paging);
    }

    @GET
    @Path("/{eventId}")
    @Operation(summary = "One event with its confirmed and free seats and waitlist; its ETag is what an update sends")
    public Response get(@PathParam("eventId") UUID eventId) {
        PartnerEventView event = events.get(eventId);
        return ETags.ok(event, event.version());
    }

    @PUT
    @Path("/{eventId}")
    @Operation(summary = "Change an event",
            description = "Needs If-Match. Added seats go to the waitlist at once; fewer seats than are confirmed is a 409.")
    public Response update(@PathParam("eventId") UUID eventId, @HeaderParam(HttpHeaders.IF_MATCH) String ifMatch,
            @Valid @NotNull PartnerEventRequest request) {
        PartnerEventView event = events.update(eventId, ifMatch, request);
        return ETags.ok(event, event.version());
    }

    @POST
    @Path("/{eventId}/registrations")
    @Operation(summary = "Register a partner's attendees",
            description = "CONFIRMED while seats last, else WAITLISTED in order of registration. 409 after the "
                    + "deadline, for a partner registered already, or one not ACTIVE.")
    public Response register(@PathParam("eventId") UUID eventId, @Valid @NotNull RegistrationRequest request) {
        RegistrationView registration = events.register(eventId, request);
        return Response.created(URI.create("/partner-events/" + eventId + "/registrations/" + registration.id()))
                .entity(registration).build();
    }

    @GET
    @Path("/{eventId}/registrations")
    @Operation(summary = "The event's registrations in order of registration, optionally of one status")
    public List<RegistrationView> registrations(@PathParam("eventId") UUID eventId,
            @QueryParam("status") RegistrationStatus status) {
        return events.registrations(eventId, status);
    }

    @GET
    @Path("/{eventId}/registrations/{registrationId}")
    public RegistrationView registration(@PathParam("eventId") UUID eventId,
            @PathParam("registrationId") UUID registrationId) {
        return events.registration(eventId, registrationId);
    }

    @POST
    @Path("/{eventId}/registrations/{registrationId}/cancellation")
    @Operation(summary = "Cancel a registration", description = "Its seats go to the next on the waitlist; the answer names who was promoted.")
    public Cancellation cancel(@PathParam("eventId") UUID eventId, @PathParam("registrationId") UUID registrationId) {
        return events.cancel(eventId, registrationId);
    }
}
