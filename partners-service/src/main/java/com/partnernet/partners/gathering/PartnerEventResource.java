package com.partnernet.partners.gathering;

import static com.partnernet.chassis.security.Roles.OPS;
import static com.partnernet.chassis.security.Roles.PARTNER_USER;
import static com.partnernet.chassis.security.Roles.SALES_MANAGER;

import java.time.LocalDate;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import jakarta.annotation.security.RolesAllowed;
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
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;

import org.jboss.resteasy.reactive.RestResponse;

import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.extensions.Extension;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponseSchema;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

import com.partnernet.chassis.web.Responses;
import com.partnernet.chassis.security.Caller;
import com.partnernet.chassis.web.ETags;
import com.partnernet.chassis.web.Page;
import com.partnernet.chassis.web.PageParams;
import com.partnernet.chassis.web.Sorting;

@Produces(MediaType.APPLICATION_JSON)
@Path("/partner-events")
@Tag(name = "Partner events")
public class PartnerEventResource {

    private static final Map<String, Comparator<RegistrationView>> REGISTRATION_SORT_KEYS = Map.of(
            "registeredAt", Comparator.comparing(RegistrationView::registeredAt).thenComparing(RegistrationView::id));

    private final PartnerEventService events;
    private final Caller caller;

    public PartnerEventResource(PartnerEventService events, Caller caller) {
        this.events = events;
        this.caller = caller;
    }

    @POST
    @Operation(operationId = "announcePartnerEvent",
            summary = "Announce a partner event (e.g. the partner summit)",
            description = "Creates an event with its venue, capacity, the seats a partner may take and when registration closes; partners then register until that moment.")
    @RolesAllowed(SALES_MANAGER)
    @APIResponseSchema(value = PartnerEventView.class, responseCode = "201", responseDescription = "Announced; ETag is its version")
    @Extension(name = ETags.DOCUMENTED, value = "true")
    public RestResponse<PartnerEventView> announce(@Valid @NotNull PartnerEventRequest request) {
        PartnerEventView event = events.announce(request);
        return ETags.created("/partner-events/" + event.id(), event, event.version());
    }

    @GET
    @Operation(operationId = "listPartnerEvents", summary = "Partner events, paged", description = "Sort keys: date (default), name, city.")
    @RolesAllowed({ SALES_MANAGER, OPS, PARTNER_USER })
    public Page<PartnerEventView> search(@QueryParam("from") LocalDate from, @QueryParam("city") @Size(max = 100) String city,
            @Valid @BeanParam PageParams paging) {
        return events.search(from, city, paging);
    }

    @GET
    @Path("/{eventId}")
    @Operation(operationId = "getPartnerEvent",
            summary = "One event with its confirmed and free seats and waitlist; its ETag is what an update sends",
            description = "Whether registration is still open, how many seats are confirmed, free and on the waitlist.")
    @RolesAllowed({ SALES_MANAGER, OPS, PARTNER_USER })
    @Extension(name = ETags.DOCUMENTED, value = "true")
    public RestResponse<PartnerEventView> get(@PathParam("eventId") UUID eventId) {
        PartnerEventView event = events.get(eventId);
        return ETags.ok(event, event.version());
    }

    @PUT
    @Path("/{eventId}")
    @Operation(operationId = "updatePartnerEvent", summary = "Change an event",
            description = "Needs If-Match. Added seats go to the waitlist at once; fewer seats than are confirmed is a 409.")
    @RolesAllowed(SALES_MANAGER)
    @Extension(name = ETags.DOCUMENTED, value = "true")
    public RestResponse<PartnerEventView> update(@PathParam("eventId") UUID eventId, @HeaderParam(HttpHeaders.IF_MATCH) String ifMatch,
            @Valid @NotNull PartnerEventRequest request) {
        PartnerEventView event = events.update(eventId, ifMatch, request);
        return ETags.ok(event, event.version());
    }

    @POST
    @Path("/{eventId}/registrations")
    @Operation(operationId = "registerForPartnerEvent", summary = "Register a partner's attendees",
            description = "CONFIRMED while seats last, else WAITLISTED in order of registration. 409 after the "
                    + "deadline, for a partner registered already, or one not ACTIVE.")
    @RolesAllowed({ SALES_MANAGER, PARTNER_USER })
    @APIResponseSchema(value = RegistrationView.class, responseCode = "201", responseDescription = "Registered, CONFIRMED or WAITLISTED")
    public RestResponse<RegistrationView> register(@PathParam("eventId") UUID eventId, @Valid @NotNull RegistrationRequest request) {
        caller.requireAccess(request.partnerId(), "Partner", request.partnerId());
        RegistrationView registration = events.register(eventId, request);
        return Responses.created("/partner-events/" + eventId + "/registrations/" + registration.id(), registration);
    }

    @GET
    @Path("/{eventId}/registrations")
    @Operation(operationId = "listRegistrations", summary = "The event's registrations in order of registration, optionally of one status",
            description = "Sort keys: registeredAt (default).")
    @RolesAllowed({ SALES_MANAGER, OPS, PARTNER_USER })
    public Page<RegistrationView> registrations(@PathParam("eventId") UUID eventId,
            @QueryParam("status") RegistrationStatus status, @Valid @BeanParam PageParams paging) {
        List<RegistrationView> visible = events.registrations(eventId, status).stream()
                .filter(registration -> caller.mayAccess(registration.partnerId()))
                .toList();
        return Page.slice(Sorting.sorted(visible, paging.sort, REGISTRATION_SORT_KEYS, "registeredAt"), paging);
    }

    @GET
    @Operation(operationId = "getRegistration",
            summary = "One partner's registration to an event",
            description = "Its status (confirmed or waitlisted, with its place), seats and attendees (null for ops, who do not see personal data).")
    @Path("/{eventId}/registrations/{registrationId}")
    @RolesAllowed({ SALES_MANAGER, OPS, PARTNER_USER })
    public RegistrationView registration(@PathParam("eventId") UUID eventId,
            @PathParam("registrationId") UUID registrationId) {
        RegistrationView registration = events.registration(eventId, registrationId);
        caller.requireAccess(registration.partnerId(), "Registration", registrationId);
        return registration;
    }

    @POST
    @Path("/{eventId}/registrations/{registrationId}/cancellation")
    @Operation(operationId = "cancelRegistration", summary = "Cancel a registration", description = "Its seats go to the next on the waitlist; the answer names who was promoted.")
    @RolesAllowed({ SALES_MANAGER, PARTNER_USER })
    public Cancellation cancel(@PathParam("eventId") UUID eventId, @PathParam("registrationId") UUID registrationId) {
        caller.requireAccess(events.registration(eventId, registrationId).partnerId(), "Registration", registrationId);
        Cancellation cancellation = events.cancel(eventId, registrationId);
        // Whom the freed seats went to is other partners' business.
        return new Cancellation(cancellation.cancelled(), cancellation.promoted().stream()
                .filter(promoted -> caller.mayAccess(promoted.partnerId()))
                .toList());
    }
}
